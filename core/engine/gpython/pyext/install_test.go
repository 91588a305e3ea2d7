package pyext

import (
	"sync"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestInstallIsIdempotent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Install()
		}()
	}
	wg.Wait()
	join := py.StringType.Dict["join"]
	Install()
	if py.StringType.Dict["join"] != join {
		t.Fatal("a second Install replaced str.join")
	}
	seen := map[string]int{}
	for _, m := range py.GetModuleImpl("builtins").Methods {
		seen[m.Name]++
	}
	for _, name := range []string{"sorted", "len", "format", "callable", "reversed", "round"} {
		if seen[name] != 1 {
			t.Errorf("builtin %s installed %d times", name, seen[name])
		}
	}
}

// Contexts share the type dicts and builtins installed here; running
// them in parallel must be race-free (go test -race).
func TestContextsRunInParallel(t *testing.T) {
	Install()
	src := `
rows = sorted({"b": (2, "x"), "a": (1, "y")}.items(), key=lambda kv: kv[1])
out = ",".join("{}={:>3}".format(k, v[0]) for k, v in rows)
assert out == "a=  1,b=  2", out
assert "caf\u00e9".encode("latin-1").decode("latin-1").upper() == "CAF\u00c9"
`
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if _, err := runScript(t, src, "<parallel>"); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(exceptionText(err))
	}
}
