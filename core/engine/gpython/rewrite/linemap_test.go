package rewrite

import (
	"reflect"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestMapLnotab(t *testing.T) {
	// Output lines 1..6 stand for source lines 1, 2, 2, 3, 3, 4.
	m := lineMap{0, 1, 2, 2, 3, 3, 4}
	code := &py.Code{Firstlineno: 1, Lnotab: string([]byte{4, 1, 6, 1, 2, 1, 8, 1, 3, 1})}
	m.fixCode(code)
	got := lineTable(code)
	want := [][2]int{{4, 2}, {12, 3}, {23, 4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mapped table %v, want %v", got, want)
	}
}

func TestMapLnotabLongJumps(t *testing.T) {
	// A 300-line gap and a 600-byte gap need several entries each.
	m := make(lineMap, 402)
	for n := range m {
		m[n] = n
	}
	m[401] = 400
	code := &py.Code{Firstlineno: 1, Lnotab: string([]byte{255, 0, 255, 0, 90, 255, 0, 145})}
	m.fixCode(code)
	if got, want := lineTable(code)[len(lineTable(code))-1], [2]int{600, 400}; got != want {
		t.Errorf("last entry %v, want %v (table %v)", got, want, lineTable(code))
	}
}

func TestNewLineMapIdentity(t *testing.T) {
	if m := newLineMap([]int{0, 1, 2, 3}); m != nil {
		t.Errorf("identity map kept: %v", m)
	}
	if m := newLineMap([]int{0, 1, 1, 2}); m == nil {
		t.Error("moved lines dropped")
	}
}

// Tracebacks name the user's lines, also after the lines the rewrite adds
// to except handlers.
func TestTracebackLinesAfterRewrite(t *testing.T) {
	tests := []struct {
		name, src string
		want      []int // traceback lines, outermost first
	}{
		{"in a handler", "try:\n    1 / 0\nexcept ZeroDivisionError:\n    x = 1\n    y = []\n    y[3]\n", []int{6}},
		{"after handlers", "def f():\n    try:\n        pass\n    except:\n        pass\n    a = 1\n    return [][1]\nf()\n", []int{8, 7}},
		{"nested handlers", "try:\n    raise KeyError\nexcept KeyError:\n    try:\n        raise ValueError\n    except ValueError:\n        pass\n    z = {}['missing']\n", []int{8}},
		// gpython notes the last line a statement reaches, as it does
		// without the rewrite (CPython says 3).
		{"multi-line call", "def f(a, b):\n    return a / b\nf(1,\n  0)\n", []int{4, 2}},
		{"kwargs prologue", "def f(**kw):\n    return kw['x']\nf(y=1)\n", []int{3, 2}},
		{"dict display lines", "d = {\n  'a': 1,\n  'b': [][0],\n}\n", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runPython(t, "lines.py", tt.src)
			info, ok := err.(py.ExceptionInfo)
			if !ok {
				t.Fatalf("got %v, want an exception", err)
			}
			var got []int
			for tb := info.Traceback; tb != nil; tb = tb.Next {
				got = append(got, int(tb.Lineno))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("traceback lines %v, want %v", got, tt.want)
			}
		})
	}
}

// A compile-time error found in the rewritten source is reported as
// compiling the source as written reports it.
func TestCompileErrorsKeepUserLines(t *testing.T) {
	tests := []struct {
		name, src, text string
		line            int
	}{
		{"return outside function", "x = f'{1}'\ntry:\n    pass\nexcept:\n    pass\nreturn 1\n", "return 1", 6},
		{"break outside loop", "d = {1: 2}\nif d:\n    break\n", "    break", 3},
		{"parse error", "x = f'{y}' +\n", "x = f'{y}' +", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := py.Compile(tt.src, "bad.py", py.ExecMode, 0, true)
			exc, ok := err.(*py.Exception)
			if !ok || !py.IsException(py.SyntaxError, exc) {
				t.Fatalf("got %v, want a SyntaxError", err)
			}
			if got := exc.Dict["lineno"]; got != py.Int(tt.line) {
				t.Errorf("line %v, want %d", got, tt.line)
			}
			if got, _ := exc.Dict["line"].(py.String); string(got) != tt.text+"\n" && string(got) != tt.text {
				t.Errorf("source text %q, want %q", got, tt.text)
			}
		})
	}
}

// Contexts import modules in parallel, so compiles run concurrently.
func TestConcurrentCompiles(t *testing.T) {
	src := "def f(**kw):\n    try:\n        return {k: f'{v!r}' for k, v in kw.items() if v}\n    except:\n        raise\n"
	done := make(chan error, 8)
	for i := 0; i < cap(done); i++ {
		go func() {
			_, err := py.Compile(src, "parallel.py", py.ExecMode, 0, true)
			done <- err
		}()
	}
	for i := 0; i < cap(done); i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
