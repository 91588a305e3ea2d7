package pyext

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestLessThan(t *testing.T) {
	s := func(v string) py.Object { return py.String(v) }
	i := func(v int) py.Object { return py.Int(v) }
	cases := []struct {
		a, b    py.Object
		want    bool
		wantErr string
	}{
		{a: i(1), b: i(2), want: true},
		{a: i(2), b: py.Float(2.5), want: true},
		{a: py.True, b: i(2), want: true},
		{a: py.False, b: py.True, want: true},
		{a: s("a"), b: s("b"), want: true},
		{a: py.Tuple{i(1), s("b")}, b: py.Tuple{i(1), s("c")}, want: true},
		{a: py.Tuple{i(1), s("c")}, b: py.Tuple{i(1), s("b")}, want: false},
		{a: py.Tuple{i(1)}, b: py.Tuple{i(1), i(0)}, want: true},
		{a: py.Tuple{}, b: py.Tuple{}, want: false},
		{a: py.Tuple{i(2)}, b: py.Tuple{i(1), i(5)}, want: false},
		{a: py.Tuple{py.Tuple{i(1), i(2)}}, b: py.Tuple{py.Tuple{i(1), i(3)}}, want: true},
		{a: &py.List{Items: []py.Object{i(1), i(2)}}, b: &py.List{Items: []py.Object{i(1), i(3)}}, want: true},
		// equal leading items are not compared with <, so None may be there
		{a: py.Tuple{py.None, i(1)}, b: py.Tuple{py.None, i(2)}, want: true},
		{a: py.Tuple{i(1), s("a")}, b: py.Tuple{i(1), i(2)}, wantErr: "'<' not supported between instances of 'str' and 'int'"},
		{a: py.Tuple{i(1)}, b: &py.List{Items: []py.Object{i(1)}}, wantErr: "'<' not supported between instances of 'tuple' and 'list'"},
		{a: py.None, b: py.None, wantErr: "'<' not supported between instances of 'NoneType' and 'NoneType'"},
		{a: py.NewStringDict(), b: py.NewStringDict(), wantErr: "'<' not supported between instances of 'dict' and 'dict'"},
	}
	for _, tc := range cases {
		got, err := lessThan(tc.a, tc.b)
		name := py.DebugRepr(tc.a) + " < " + py.DebugRepr(tc.b)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(exceptionText(err), tc.wantErr) {
				t.Errorf("%s: got %v, %v; want error %q", name, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s = %v, %v; want %v", name, got, err, tc.want)
		}
	}
}

func TestEqual(t *testing.T) {
	list := &py.List{Items: []py.Object{py.Int(1)}}
	d := py.StringDict{"k": py.Int(1)}
	cases := []struct {
		a, b py.Object
		want bool
	}{
		{py.Int(1), py.Float(1), true},
		{py.True, py.Int(1), true},
		{py.String("a"), py.Bytes("a"), false},
		{py.Tuple{py.Int(1), py.Tuple{py.String("x")}}, py.Tuple{py.Int(1), py.Tuple{py.String("x")}}, true},
		{py.Tuple{py.Int(1)}, py.Tuple{py.Int(1), py.Int(2)}, false},
		{list, list, true},
		{list, &py.List{Items: []py.Object{py.Float(1)}}, true},
		{d, d, true},
		{d, py.StringDict{"k": py.Int(2)}, false},
		{py.None, py.None, true},
		{py.None, py.Int(0), false},
	}
	for _, tc := range cases {
		got, err := equal(tc.a, tc.b)
		if err != nil || got != tc.want {
			t.Errorf("%s == %s: got %v, %v; want %v", py.DebugRepr(tc.a), py.DebugRepr(tc.b), got, err, tc.want)
		}
	}
}

func TestSortItemsIsStable(t *testing.T) {
	pair := func(k int, tag string) py.Object { return py.Tuple{py.Int(k), py.String(tag)} }
	first := func(o py.Object) py.Object { return o.(py.Tuple)[0] }
	key := py.MustNewMethod("first", func(_, o py.Object) (py.Object, error) { return first(o), nil }, 0, "")
	items := []py.Object{pair(2, "a"), pair(1, "b"), pair(2, "c"), pair(1, "d")}

	if err := sortItems(items, key, false); err != nil {
		t.Fatal(err)
	}
	if got := py.DebugRepr(py.Tuple(items)); got != "((1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'))" {
		t.Errorf("ascending: %s", got)
	}
	if err := sortItems(items, key, true); err != nil {
		t.Fatal(err)
	}
	// reverse keeps equal keys in their original order, as CPython does
	if got := py.DebugRepr(py.Tuple(items)); got != "((2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'))" {
		t.Errorf("descending: %s", got)
	}
}

func TestSortItemsStopsAtFirstError(t *testing.T) {
	calls := 0
	key := py.MustNewMethod("boom", func(_, o py.Object) (py.Object, error) {
		calls++
		if o == py.Int(3) {
			return nil, py.ExceptionNewf(py.ValueError, "no key for 3")
		}
		return o, nil
	}, 0, "")
	items := []py.Object{py.Int(1), py.Int(3), py.Int(2)}
	err := sortItems(items, key, false)
	if err == nil || exceptionText(err) != "ValueError: no key for 3" {
		t.Fatalf("err = %v", err)
	}
	if calls != 2 {
		t.Errorf("key called %d times, want 2 (stop at the failing item)", calls)
	}
}

func TestCompare(t *testing.T) {
	tuple := func(items ...py.Object) py.Object { return py.Tuple(items) }
	list := func(items ...py.Object) py.Object { return py.NewListFromItems(items) }
	cases := []struct {
		a, b    py.Object
		op      CompareOp
		want    py.Object
		wantErr string
	}{
		{a: py.Int(1), b: py.Int(2), op: OpLe, want: py.True},
		{a: py.String("b"), b: py.String("a"), op: OpGt, want: py.True},
		{a: tuple(py.Int(1), py.Int(2)), b: tuple(py.Int(1), py.Int(2)), op: OpLe, want: py.True},
		{a: tuple(py.Int(1), py.Int(2)), b: tuple(py.Int(1), py.Int(2)), op: OpLt, want: py.False},
		{a: tuple(py.Int(2)), b: tuple(py.Int(1), py.Int(9)), op: OpGe, want: py.True},
		{a: list(py.Int(1)), b: list(py.Int(1), py.Int(0)), op: OpLt, want: py.True},
		{a: list(py.String("a")), b: list(py.String("a")), op: OpNe, want: py.False},
		{a: tuple(py.Int(1), py.Float(2)), b: tuple(py.Int(1), py.Int(2)), op: OpEq, want: py.True},
		{a: py.Int(1), b: py.String("1"), op: OpEq, want: py.False},
		{a: py.None, b: py.Int(1), op: OpNe, want: py.True},
		{a: tuple(py.Int(1)), b: py.Int(1), op: OpLt, wantErr: "'<' not supported between instances of 'tuple' and 'int'"},
		{a: py.None, b: py.None, op: OpGe, wantErr: "'>=' not supported between instances of 'NoneType' and 'NoneType'"},
	}
	for _, tc := range cases {
		got, err := Compare(tc.a, tc.b, tc.op)
		name := py.DebugRepr(tc.a) + " " + compareOps[tc.op].symbol + " " + py.DebugRepr(tc.b)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(exceptionText(err), tc.wantErr) {
				t.Errorf("%s: got %v, %v; want error %q", name, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s = %v, %v; want %v", name, got, err, tc.want)
		}
	}
}

// Python classes are compared through the methods they define, reflected
// when the left operand does not know how.
func TestCompareClasses(t *testing.T) {
	mod := runModule(t, `
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return isinstance(other, V) and self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
class W(V):
    pass
a, b, c = W(1), W(2), W(1)
`)
	a, b, c := mod.Globals["a"], mod.Globals["b"], mod.Globals["c"]
	checks := []struct {
		x, y py.Object
		op   CompareOp
		want py.Object
	}{
		{a, c, OpEq, py.True},
		{a, c, OpNe, py.False},
		{a, b, OpLt, py.True},
		{b, a, OpGt, py.True}, // reflected __lt__
		{py.Tuple{a, py.Int(5)}, py.Tuple{c, py.Int(6)}, OpLt, py.True},
	}
	for i, tc := range checks {
		got, err := Compare(tc.x, tc.y, tc.op)
		if err != nil || got != tc.want {
			t.Errorf("check %d: got %v, %v; want %v", i, got, err, tc.want)
		}
	}
	if _, err := Compare(a, b, OpLe); err == nil || !strings.Contains(exceptionText(err), "'<=' not supported between instances of 'W' and 'W'") {
		t.Errorf("<= without __le__: %v", err)
	}
}
