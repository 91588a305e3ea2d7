package rewrite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/go-python/gpython/py"
)

// benchmarkPage calls the WSGI application of a script of the repository
// b.N times in one context, as the engine would for GET requests: the
// cost the rewrite adds to a real page shows here.
func benchmarkPage(b *testing.B, relPath string) {
	path := filepath.Join("..", "..", "..", "..", relPath)
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	code, err := py.Compile(string(src), path, py.ExecMode, 0, true)
	if err != nil {
		b.Fatal(err)
	}
	mod, err := py.RunCode(ctx, code, path, "page")
	if err != nil {
		b.Fatal(err)
	}
	app := mod.Globals["application"]
	startResponse := py.MustNewMethod("start_response", func(_ py.Object, args py.Tuple) (py.Object, error) {
		return py.None, nil
	}, 0, "")
	environ := py.StringDict{"REQUEST_METHOD": py.String("GET"), "PATH_INFO": py.String("/")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := py.Call(app, py.Tuple{environ, startResponse}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageHello(b *testing.B) { benchmarkPage(b, "examples/hello.py") }
func BenchmarkPageTable(b *testing.B) { benchmarkPage(b, "tests/bench/table.py") }
