package pyext

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib"
)

var capType = py.NewType("capture", "")

type capture struct{ b strings.Builder }

func (c *capture) Type() *py.Type { return capType }

func init() {
	capType.Dict["write"] = py.MustNewMethod("write", func(self, s py.Object) (py.Object, error) {
		self.(*capture).b.WriteString(string(s.(py.String)))
		return py.None, nil
	}, 0, "")
	capType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, "")
}

func runProbe(src string) (string, error) {
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	sys, _ := ctx.GetModule("sys")
	c := &capture{}
	sys.Globals["stdout"] = c
	code, err := py.Compile(src, "<probe>", py.ExecMode, 0, true)
	if err != nil {
		return "", err
	}
	_, err = py.RunCode(ctx, code, "<probe>", "__main__")
	return c.b.String(), err
}

func TestProbe(t *testing.T) {
	src, _ := os.ReadFile("/tmp/probe.py")
	for _, chunk := range strings.Split(string(src), "\n#---\n") {
		out, err := runProbe(chunk)
		fmt.Printf("=== %q\n%s", strings.TrimSpace(chunk), out)
		if err != nil {
			if ei, ok := err.(py.ExceptionInfo); ok {
				fmt.Printf("ERR %v\n", ei.Value)
			} else {
				fmt.Printf("ERR %v\n", err)
			}
		}
	}
}
