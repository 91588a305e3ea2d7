package pyext

import (
	"math"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestRepr(t *testing.T) {
	selfHolding := py.NewList()
	selfHolding.Append(py.Int(1))
	selfHolding.Append(selfHolding)
	tests := []struct {
		name  string
		value py.Object
		want  string
	}{
		{"float", py.Float(0.1), "0.1"},
		{"integral float", py.Float(2), "2.0"},
		{"big float", py.Float(1e16), "1e+16"},
		{"small float", py.Float(1e-7), "1e-07"},
		{"negative zero", py.Float(math.Copysign(0, -1)), "-0.0"},
		{"infinity", py.Float(math.Inf(1)), "inf"},
		{"nan", py.Float(math.NaN()), "nan"},
		{"one-element tuple", py.Tuple{py.Int(1)}, "(1,)"},
		{"empty tuple", py.Tuple{}, "()"},
		{"pair", py.Tuple{py.String("a"), py.Float(1.5)}, "('a', 1.5)"},
		{"nested", py.NewListFromItems([]py.Object{py.Tuple{py.Float(1e16)}, py.None}), "[(1e+16,), None]"},
		{"list holding itself", selfHolding, "[1, [...]]"},
		{"set of ints in order", py.NewSetFromItems([]py.Object{py.Int(3), py.Int(1), py.Int(2)}), "{1, 2, 3}"},
		{"empty set", py.NewSet(), "set()"},
		{"exception", py.ExceptionNewf(py.ValueError, "bad"), "ValueError('bad')"},
		{"exception without args", &py.Exception{Base: py.ValueError, Args: py.Tuple{}}, "ValueError()"},
		{"exception with args", &py.Exception{Base: py.TypeError, Args: py.Tuple{py.String("a"), py.Int(2)}}, "TypeError('a', 2)"},
		{"class", py.IntType, "<class 'int'>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Repr(tt.value)
			if err != nil || got != tt.want {
				t.Errorf("Repr = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestStr(t *testing.T) {
	tests := []struct {
		name  string
		value py.Object
		want  string
	}{
		{"str", py.String("x'y"), "x'y"},
		{"float", py.Float(1e22), "1e+22"},
		{"tuple", py.Tuple{py.String("a")}, "('a',)"},
		{"none", py.None, "None"},
		{"exception without args", &py.Exception{Base: py.ValueError, Args: py.Tuple{}}, ""},
		{"exception", py.ExceptionNewf(py.ValueError, "bad value"), "bad value"},
		{"exception with args", &py.Exception{Base: py.ValueError, Args: py.Tuple{py.String("a"), py.Int(2)}}, "('a', 2)"},
		{"KeyError shows the key's repr", &py.Exception{Base: py.KeyError, Args: py.Tuple{py.String("k")}}, "'k'"},
		{"KeyError with an int key", &py.Exception{Base: py.KeyError, Args: py.Tuple{py.Int(1)}}, "1"},
		{"KeyError already quoted", &py.Exception{Base: py.KeyError, Args: py.Tuple{py.String("'k'")}}, "'k'"},
		{"KeyError keeping its key", keyError(py.Tuple{py.Int(1)}).(*py.Exception), "(1,)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Str(tt.value)
			if err != nil || got != tt.want {
				t.Errorf("Str = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPrintWritesCPythonReprs(t *testing.T) {
	out, err := runScript(t, `
class Point:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "Point(" + repr(self.x) + ")"
class Sub(Point):
    pass
print((1,), 1e16, [Sub(2.0)], str(ValueError()), repr(KeyError("k")), sep="|")
print("a", "b", sep=None, end="!\n")
print(ascii("caf\u00e9"), repr(-0.0))
`, "print.py")
	if err != nil {
		t.Fatal(err)
	}
	want := "(1,)|1e+16|[Point(2.0)]||KeyError('k')\na b!\n'caf\\xe9' -0.0\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}
