package rewrite

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
)

// benchmarkLoop runs fn() from src b.N times in one context, compiled by
// compileFn: the rewriter or gpython's own compiler, for comparison.
func benchmarkLoop(b *testing.B, compileFn func(string, string, py.CompileMode, int, bool) (*py.Code, error), src string) {
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	code, err := compileFn(src, "bench.py", py.ExecMode, 0, true)
	if err != nil {
		b.Fatal(err)
	}
	mod, err := py.RunCode(ctx, code, "bench.py", "bench")
	if err != nil {
		b.Fatal(err)
	}
	fn := mod.Globals["fn"]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := py.Call(fn, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

const (
	truthSource   = "x = 'abc'\ndef fn():\n    if x:\n        pass\n"
	dictSource    = "def fn():\n    return {'a': 1, 'b': 2, 'c': 3}\n"
	orSource      = "x = ''\ndef fn():\n    return x or 'default'\n"
	handlerSource = "def fn():\n    try:\n        raise ValueError\n    except ValueError:\n        pass\n"
	fstringSource = "name = 'world'\ndef fn():\n    return f'hello {name}!'\n"
	concatSource  = "name = 'world'\ndef fn():\n    return 'hello ' + name + '!'\n"
)

func BenchmarkTruthRewritten(b *testing.B)   { benchmarkLoop(b, compile, truthSource) }
func BenchmarkTruthGpython(b *testing.B)     { benchmarkLoop(b, gpythonCompile, truthSource) }
func BenchmarkDictRewritten(b *testing.B)    { benchmarkLoop(b, compile, dictSource) }
func BenchmarkDictGpython(b *testing.B)      { benchmarkLoop(b, gpythonCompile, dictSource) }
func BenchmarkOrRewritten(b *testing.B)      { benchmarkLoop(b, compile, orSource) }
func BenchmarkOrGpython(b *testing.B)        { benchmarkLoop(b, gpythonCompile, orSource) }
func BenchmarkHandlerRewritten(b *testing.B) { benchmarkLoop(b, compile, handlerSource) }
func BenchmarkHandlerGpython(b *testing.B)   { benchmarkLoop(b, gpythonCompile, handlerSource) }
func BenchmarkFString(b *testing.B)          { benchmarkLoop(b, compile, fstringSource) }
func BenchmarkConcatGpython(b *testing.B)    { benchmarkLoop(b, gpythonCompile, concatSource) }

// benchmarkCompile compiles one of gpython's own test scripts, about 470
// lines.
func benchmarkCompile(b *testing.B, compileFn func(string, string, py.CompileMode, int, bool) (*py.Code, error)) {
	file, _ := runtime.FuncForPC(reflect.ValueOf(parser.Parse).Pointer()).FileLine(0)
	path := filepath.Join(filepath.Dir(filepath.Dir(file)), "stdlib", "builtin", "tests", "builtin.py")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := compileFn(string(src), path, py.ExecMode, 0, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompileRewritten(b *testing.B) { benchmarkCompile(b, compile) }
func BenchmarkCompileGpython(b *testing.B)   { benchmarkCompile(b, gpythonCompile) }
