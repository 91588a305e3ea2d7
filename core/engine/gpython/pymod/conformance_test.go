package pymod

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib"
)

// The conformance scripts under tests/conformance print results whose
// expected output CPython 3.11 produced. Here they run on gpython with
// these modules installed, as the engine's contexts would, with
// sys.stdout captured.

var conformanceAreas = []string{"json", "urllib", "html", "base64", "hashlib", "io", "re", "collections", "functools"}

// captureOut is a minimal sys.stdout replacement.
type captureOut struct{ b strings.Builder }

var captureOutType = newGoType("capture", "Collects what is written.")

func init() {
	addMethods(captureOutType, goMethod1("write", func(c *captureOut, s py.Object) (py.Object, error) {
		text, err := strArg(s, "write() argument")
		if err != nil {
			return nil, err
		}
		c.b.WriteString(text)
		return py.Int(len([]rune(text))), nil
	}, "Collect text."), goMethod0("flush", func(c *captureOut) (py.Object, error) { return py.None, nil }, "No-op."))
}

func (c *captureOut) Type() *py.Type { return captureOutType }

// runScript runs a Python file in a fresh context and returns its output.
func runScript(t *testing.T, path string) (string, error) {
	t.Helper()
	Install()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	out := &captureOut{}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatal(err)
	}
	sys.Globals["stdout"] = out
	code, err := py.Compile(string(src), path, py.ExecMode, 0, true)
	if err == nil {
		_, err = py.RunCode(ctx, code, path, "__main__")
	}
	return out.b.String(), err
}

func conformanceScripts(t *testing.T) []string {
	var scripts []string
	for _, area := range conformanceAreas {
		found, err := filepath.Glob(filepath.Join("..", "..", "..", "..", "tests", "conformance", area+"_*.py"))
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, found...)
	}
	return scripts
}

func TestConformance(t *testing.T) {
	scripts := conformanceScripts(t)
	if len(scripts) == 0 {
		t.Skip("no conformance scripts found")
	}
	passed := 0
	for _, path := range scripts {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		ok := t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".out")
			if err != nil {
				t.Fatalf("expected output: %v", err)
			}
			got, runErr := runScript(t, path)
			if runErr != nil {
				t.Errorf("script failed: %v\noutput so far:\n%s", runErr, got)
				return
			}
			if got != string(want) {
				t.Errorf("output differs\n%s", lineDiff(string(want), got))
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("conformance: %d/%d scripts pass", passed, len(scripts))
}

// TestScript runs the script named by PYMOD_SCRIPT and prints its output,
// for trying things out.
func TestScript(t *testing.T) {
	path := os.Getenv("PYMOD_SCRIPT")
	if path == "" {
		t.Skip("PYMOD_SCRIPT not set")
	}
	out, err := runScript(t, path)
	t.Logf("output:\n%s", out)
	if err != nil {
		t.Fatalf("error: %v", err)
	}
}

// lineDiff shows the first differing lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			if shown++; shown == 8 {
				break
			}
		}
	}
	return b.String()
}
