package rewrite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// conformanceAreas are the corpus scripts of tests/conformance that
// exercise the rewriter; each NAME.py has CPython's output in NAME.out.
var conformanceAreas = []string{"fstrings", "exc_info", "truthiness", "dicts",
	"exceptions", "classes", "bytesseq", "compare", "loops", "percent", "repr", "tuples"}

// TestConformance runs this package's part of the corpus in a context
// made as the engine makes them and compares what it prints with
// CPython's output.
func TestConformance(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "tests", "conformance")
	var scripts []string
	for _, area := range conformanceAreas {
		found, err := filepath.Glob(filepath.Join(dir, area+"_*.py"))
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, found...)
	}
	if len(scripts) == 0 {
		t.Skip("no conformance scripts found")
	}
	needsFormat(t)
	passed := 0
	for _, script := range scripts {
		name := filepath.Base(script)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(script)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(script, ".py") + ".out")
			if err != nil {
				t.Fatalf("no expected output: %v", err)
			}
			got, err := runPython(t, script, string(src))
			if err != nil {
				t.Fatalf("%s failed: %v\nprinted:\n%s", name, err, got)
			}
			if got != string(want) {
				t.Fatalf("%s differs from CPython\n%s", name, lineDiff(got, string(want)))
			}
			passed++
		})
	}
	t.Logf("%d of %d scripts match CPython", passed, len(scripts))
}

// lineDiff shows the first lines where got and want differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d:\n   got: %s\n  want: %s\n", i+1, gl, wl)
			shown++
		}
	}
	return b.String()
}
