package rewrite

import (
	"os"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// installPeers installs the packages whose builtins the rewritten code
// relies on in the engine (format() first of all); peers_test.go sets it.
var installPeers = func() {}

func TestMain(m *testing.M) {
	installPeers()
	Install()
	os.Exit(m.Run())
}

// captureType is a file-like object whose write() collects what a test
// script prints.
var captureType = py.NewType("capture", "collects writes")

type capture struct{ out strings.Builder }

func (c *capture) Type() *py.Type { return captureType }

func init() {
	captureType.Dict["write"] = py.MustNewMethod("write", func(self, s py.Object) (py.Object, error) {
		str, ok := s.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str")
		}
		self.(*capture).out.WriteString(string(str))
		return py.Int(len(str)), nil
	}, 0, "")
	captureType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) {
		return py.None, nil
	}, 0, "")
}

// runPython compiles src as filename through the installed rewriter, runs
// it as __main__ in a new context and returns what it printed.
func runPython(t *testing.T, filename, src string) (string, error) {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	out := &capture{}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatal(err)
	}
	sys.Globals["stdout"] = out
	code, err := py.Compile(src, filename, py.ExecMode, 0, true)
	if err != nil {
		return out.out.String(), err
	}
	_, err = py.RunCode(ctx, code, filename, "__main__")
	return out.out.String(), err
}

// needsFormat skips a test that formats values when no format() builtin
// is installed.
func needsFormat(t *testing.T) {
	t.Helper()
	for _, m := range py.GetModuleImpl("builtins").Methods {
		if m.Name == "format" {
			return
		}
	}
	t.Skip("no format() builtin installed")
}
