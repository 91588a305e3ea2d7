package rewrite

import (
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

func TestTruth(t *testing.T) {
	tests := []struct {
		name  string
		value py.Object
		want  bool
	}{
		{"empty bytes", py.Bytes{}, false},
		{"bytes", py.Bytes("x"), true},
		{"empty str", py.String(""), false},
		{"zero", py.Int(0), false},
		{"float zero", py.Float(0), false},
		{"complex zero", py.Complex(0), false},
		{"none", py.None, false},
		{"false", py.False, false},
		{"empty list", py.NewList(), false},
		{"list", py.NewListFromItems([]py.Object{py.None}), true},
		{"empty tuple", py.Tuple{}, false},
		{"empty dict", pydict.New(), false},
		{"class", py.ObjectType, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Truth(tt.value)
			if err != nil || got != tt.want {
				t.Errorf("Truth(%v) = %v, %v; want %v", tt.value, got, err, tt.want)
			}
		})
	}
}

func TestAndOrOperands(t *testing.T) {
	standIn, err := operandHelper(nil, py.Bytes{})
	if err != nil {
		t.Fatal(err)
	}
	if truth, _ := py.MakeBool(standIn); truth != py.False {
		t.Errorf("stand-in for b'' is %v to gpython, want False", truth)
	}
	back, _ := andResultHelper(nil, standIn)
	if b, ok := back.(py.Bytes); !ok || len(b) != 0 {
		t.Errorf("and result %#v, want b''", back)
	}
	for _, v := range []py.Object{py.Bytes("x"), py.String(""), py.Int(0), py.None} {
		got, _ := operandHelper(nil, v)
		if _, replaced := got.(*falseStandIn); replaced {
			t.Errorf("operand %#v replaced by a stand-in", v)
		}
	}
}

// hash() agrees with CPython for numbers.
func TestHashBuiltin(t *testing.T) {
	big := func(s string) py.Object {
		v, err := py.IntFromString(s, 10)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		value py.Object
		want  int64
	}{
		{py.Int(0), 0}, {py.Int(1), 1}, {py.Int(-1), -2}, {py.Int(-2), -2},
		{big("2305843009213693951"), 0}, {big("2305843009213693952"), 1},
		{big("1180591620717411303424"), 512}, {big("-1180591620717411303424"), -512},
		{py.Float(0.5), 1152921504606846976}, {py.Float(1.5), 1152921504606846977},
		{py.Float(-0.25), -576460752303423488}, {py.Float(3.14159), 326484311674566659},
		{py.Float(2.0), 2}, {py.True, 1}, {py.False, 0},
	}
	for _, tt := range tests {
		got, err := hashBuiltin(nil, tt.value)
		if err != nil || got != py.Int(tt.want) {
			t.Errorf("hash(%v) = %v, %v; want %d", tt.value, got, err, tt.want)
		}
	}
	if _, err := hashBuiltin(nil, py.NewList()); err == nil {
		t.Error("hash([]) did not fail")
	}
}

func TestFixCells(t *testing.T) {
	out, err := runPython(t, "cells.py", `
def deco(prefix, *extra, key=None, **kw):
    def wrap():
        return (prefix, extra, key, sorted(kw))
    return wrap
print(deco("p", 1, 2, key="k", z=2)())
def counter(start):
    def step():
        nonlocal start
        start += 1
        return start
    return step
c = counter(10)
print(c(), c())
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "('p', (1, 2), 'k', ['z'])\n11 12\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestEvalExecNamespaces(t *testing.T) {
	out, err := runPython(t, "ns.py", `
ns = {"a": 1}
exec("b = a + 1\ndel a", ns)
print(sorted(k for k in ns if k != "__builtins__"), ns["b"])
print(eval("x * 2", {"x": 21}), eval("y", {}, {"y": 3}))
code = compile("z = {1: 'one'}[1]", "<c>", "exec")
g = {}
exec(code, g)
print(g["z"])
def shadow(exec):
    return exec("s", {})
print(shadow(lambda a, b: a + "!"))
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "['b'] 2\n42 3\none\ns!\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestKeywordOrder(t *testing.T) {
	out, err := runPython(t, "kw.py", `
def f(a, **kw):
    return list(kw)
m = {"z": 1, "y": 2}
print(f(0, c=1, b=2), f(0, **m), f(*[0], d=1, **m))
print(list(dict(q=1, p=2)), list(dict({"s": 0}, r=1, **m)))
class C:
    def __init__(self, **opts):
        self.opts = opts
print(list(C(n=1, m=2).opts))
try:
    f(0, y=1, **m)
except TypeError as e:
    print("TypeError")
`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "['c', 'b'] ['z', 'y'] ['d', 'z', 'y']\n['q', 'p'] ['s', 'r', 'z', 'y']\n['n', 'm']\nTypeError\n"; out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

func TestRewriteModuleFailsCleanly(t *testing.T) {
	if _, _, err := rewriteModule(&ast.Suite{}); err == nil {
		t.Error("printing a Suite did not fail")
	}
}

func TestExceptionClasses(t *testing.T) {
	out, err := runPython(t, "exc.py", `
import sys
class AppError(Exception):
    def __init__(self, message="?", status=500):
        super().__init__(message)
        self.status = status
def fail():
    raise AppError("down", 503)
def reraise_outside_handler():
    raise
try:
    fail()
except AppError as e:
    print(e, e.status, e.args, type(e).__name__, sys.exc_info()[1] is e)
    try:
        reraise_outside_handler()
    except Exception as again:
        print("again", again.status)
try:
    raise AppError
except Exception as e:
    print(repr(e), e.status)
try:
    try:
        fail()
    except AppError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e)
`)
	if err != nil {
		t.Fatalf("%v\nprinted %q", err, out)
	}
	want := "down 503 ('down',) AppError True\nagain 503\nAppError('?') 500\nwrapped\n"
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}
