package pyext

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// capture stands in for sys.stdout and keeps what Python prints.
type capture struct{ out strings.Builder }

var captureType = py.NewType("capture", "collects writes to sys.stdout")

func init() {
	captureType.Dict["write"] = py.MustNewMethod("write", func(self, s py.Object) (py.Object, error) {
		text, ok := s.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str, not %s", s.Type().Name)
		}
		self.(*capture).out.WriteString(string(text))
		return py.Int(len(text)), nil
	}, 0, "")
	captureType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) {
		return py.None, nil
	}, 0, "")
}

func (c *capture) Type() *py.Type { return captureType }

// runScript runs src as a module in a fresh context made the way the
// engine makes one, and returns what it printed.
func runScript(t *testing.T, src, name string) (string, error) {
	t.Helper()
	Install()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatalf("sys module: %v", err)
	}
	stdout := &capture{}
	sys.Globals["stdout"] = stdout
	code, err := py.Compile(src, name, py.ExecMode, 0, true)
	if err != nil {
		return "", fmt.Errorf("compiling %s: %w", name, err)
	}
	_, err = py.RunCode(ctx, code, name, "__main__")
	return stdout.out.String(), err
}

// eval evaluates one expression in a fresh context.
func eval(t *testing.T, expr string) (py.Object, error) {
	t.Helper()
	Install()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	code, err := py.Compile(expr, "<test>", py.EvalMode, 0, true)
	if err != nil {
		t.Fatalf("compile %q: %v", expr, err)
	}
	globals := py.NewStringDict()
	return ctx.RunCode(code, globals, globals, nil)
}

// exceptionText is "Type: message" for a Python exception, as CPython's
// traceback ends.
func exceptionText(err error) string {
	exc, ok := exceptionOf(err)
	if !ok {
		return err.Error()
	}
	msg, strErr := Str(exc)
	if strErr != nil {
		msg = "<unprintable>"
	}
	return exc.Type().Name + ": " + msg
}

// evalCase is one expression and what it must give: a value compared by
// repr, or an error whose "Type: message" contains wantErr.
type evalCase struct {
	expr    string
	want    string
	wantErr string
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			got, err := eval(t, tc.expr)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("got %s, want error %s", py.DebugRepr(got), tc.wantErr)
				}
				if msg := exceptionText(err); !strings.Contains(msg, tc.wantErr) {
					t.Fatalf("error %q does not contain %q", msg, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %s", exceptionText(err))
			}
			if r := py.DebugRepr(got); r != tc.want {
				t.Fatalf("got %s, want %s", r, tc.want)
			}
		})
	}
}
