package rewrite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/go-python/gpython/py"
)

// TestGpythonSuites runs gpython's own Python test scripts compiled by
// gpython and by the rewriter: what they print and whether they fail must
// not change.
func TestGpythonSuites(t *testing.T) {
	root := gpythonModuleDir(t)
	t.Chdir(t.TempDir()) // some scripts write files where they run
	var scripts []string
	for _, pattern := range []string{"vm/tests/*.py", "py/tests/*.py", "stdlib/*/tests/*.py", "stdlib/*/testdata/*.py"} {
		found, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, found...)
	}
	if len(scripts) == 0 {
		t.Skip("no gpython test scripts found")
	}
	for _, script := range scripts {
		rel, _ := filepath.Rel(root, script)
		t.Run(rel, func(t *testing.T) {
			wantOut, wantErr := runScriptWith(gpythonCompile, script)
			gotOut, gotErr := runScriptWith(compile, script)
			if (wantErr == nil) != (gotErr == nil) {
				t.Errorf("error %v, gpython alone: %v", gotErr, wantErr)
			}
			wantOut = withCPythonFixes(wantOut)
			if gotOut != wantOut {
				t.Errorf("printed\n%s\ngpython alone printed\n%s", gotOut, wantOut)
			}
		})
	}
}

// runScriptWith runs a script file as __main__, compiled by compileFn,
// with its directory on sys.path.
func runScriptWith(compileFn func(string, string, py.CompileMode, int, bool) (*py.Code, error), path string) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	opts := py.DefaultContextOpts()
	opts.SysPaths = append([]string{filepath.Dir(path)}, opts.SysPaths...)
	ctx := py.NewContext(opts)
	defer ctx.Close()
	captured := &capture{}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		return "", err
	}
	sys.Globals["stdout"] = captured
	code, err := compileFn(string(src), path, py.ExecMode, 0, true)
	if err != nil {
		return "", err
	}
	_, err = py.RunCode(ctx, code, path, "__main__")
	return captured.out.String(), err
}

// cpythonFixes correct what gpython alone prints where the rewritten code
// prints what CPython does: "%s" % exc writes the exception's message,
// not its type and quoted message.
var cpythonFixes = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?m)^(caught(?: error)?: )[A-Za-z]*Error: (['"])(.*)['"]( \[OK\])?$`), "$1$3$4"},
}

func withCPythonFixes(out string) string {
	for _, f := range cpythonFixes {
		out = f.re.ReplaceAllString(out, f.with)
	}
	return out
}
