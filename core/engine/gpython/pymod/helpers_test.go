package pymod

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// pyCase is one Python expression evaluated after some setup code, with
// the repr it should have or the error message it should raise.
type pyCase struct {
	name    string
	setup   string // statements run first (imports and the like)
	expr    string
	want    string // repr of the value
	wantErr string // substring of the error instead
}

// evalPy runs setup and then `result = expr` in a fresh context with the
// modules installed, and returns repr(result).
func evalPy(t *testing.T, setup, expr string) (string, error) {
	t.Helper()
	Install()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	src := setup + "\nresult = " + expr + "\n"
	code, err := py.Compile(src, "<test>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatalf("compiling %q: %v", src, err)
	}
	module, err := py.RunCode(ctx, code, "<test>", "__test__")
	if err != nil {
		return "", err
	}
	return py.ReprAsString(module.Globals["result"])
}

func runCases(t *testing.T, cases []pyCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := evalPy(t, c.setup, c.expr)
			switch {
			case c.wantErr != "" && err == nil:
				t.Errorf("%s = %s, want error %q", c.expr, got, c.wantErr)
			case c.wantErr != "" && !strings.Contains(errText(err), c.wantErr):
				t.Errorf("%s raised %v, want %q", c.expr, err, c.wantErr)
			case c.wantErr == "" && err != nil:
				t.Errorf("%s raised %v", c.expr, err)
			case c.wantErr == "" && got != c.want:
				t.Errorf("%s = %s, want %s", c.expr, got, c.want)
			}
		})
	}
}

// errText is an exception's message (its first argument).
func errText(err error) string {
	var e *py.Exception
	switch v := err.(type) {
	case py.ExceptionInfo:
		e, _ = v.Value.(*py.Exception)
	case *py.Exception:
		e = v
	}
	if e != nil {
		if args, ok := e.Args.(py.Tuple); ok && len(args) > 0 {
			if s, ok := args[0].(py.String); ok {
				return string(s)
			}
		}
	}
	return err.Error()
}
