package pyext

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// conformanceDir holds Python scripts with the output CPython 3.11 gives
// for them (X.py beside X.out).
const conformanceDir = "../../../../tests/conformance"

// conformancePrefixes are the script families this package answers for.
var conformancePrefixes = []string{"strings_", "bytes_", "dict_methods_", "list_", "builtins_"}

func TestConformance(t *testing.T) {
	var scripts []string
	for _, prefix := range conformancePrefixes {
		found, err := filepath.Glob(filepath.Join(conformanceDir, prefix+"*.py"))
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, found...)
	}
	if len(scripts) == 0 {
		t.Fatalf("no conformance scripts under %s", conformanceDir)
	}
	passed := 0
	for _, script := range scripts {
		ok := t.Run(filepath.Base(script), func(t *testing.T) {
			src, err := os.ReadFile(script)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(script, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			got, err := runScript(t, string(src), filepath.Base(script))
			if err != nil {
				t.Fatalf("script failed: %s\noutput so far:\n%s", exceptionText(err), got)
			}
			if got != string(want) {
				t.Fatalf("output differs from CPython's:\n%s", lineDiff(string(want), got))
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("conformance: %d of %d scripts match CPython", passed, len(scripts))
}

// lineDiff lists the lines that differ, CPython's first.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  cpython: " + wl + "\n  gpython: " + gl + "\n")
		}
	}
	return b.String()
}
