package pydict

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib"
)

func mustSet(t *testing.T, d *Dict, k, v py.Object) {
	t.Helper()
	if err := d.SetItem(k, v); err != nil {
		t.Fatalf("SetItem(%v): %v", k, err)
	}
}

func keysOf(d *Dict) string {
	return fmt.Sprint(d.Keys())
}

func TestEqualKeysAcrossTypes(t *testing.T) {
	bigTwo := (*py.BigInt)(big.NewInt(2))
	tests := []struct {
		name string
		a, b py.Object
		same bool
	}{
		{"int and float", py.Int(1), py.Float(1.0), true},
		{"int and bool", py.Int(1), py.True, true},
		{"zero and false", py.Int(0), py.False, true},
		{"int and big int", py.Int(2), bigTwo, true},
		{"float and complex", py.Float(2), py.Complex(2), true},
		{"int and str", py.Int(1), py.String("1"), false},
		{"str and bytes", py.String("a"), py.Bytes("a"), false},
		{"tuples", py.Tuple{py.Int(1), py.String("x")}, py.Tuple{py.Float(1), py.String("x")}, true},
		{"different tuples", py.Tuple{py.Int(1)}, py.Tuple{py.Int(1), py.Int(2)}, false},
		{"none", py.None, py.None, true},
		{"huge float and big int", py.Float(1 << 70), (*py.BigInt)(new(big.Int).Lsh(big.NewInt(1), 70)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New()
			mustSet(t, d, tt.a, py.String("a"))
			mustSet(t, d, tt.b, py.String("b"))
			if got := d.Len() == 1; got != tt.same {
				t.Errorf("%#v and %#v one key: %v, want %v", tt.a, tt.b, got, tt.same)
			}
			if tt.same && fmt.Sprintf("%T %v", d.Keys()[0], d.Keys()[0]) != fmt.Sprintf("%T %v", tt.a, tt.a) {
				t.Errorf("kept key %#v, want the first one %#v", d.Keys()[0], tt.a)
			}
		})
	}
}

func TestUnhashableKeys(t *testing.T) {
	for _, key := range []py.Object{py.NewList(), New(), py.StringDict{}, py.NewSet(), py.Tuple{py.NewList()}} {
		err := New().SetItem(key, py.None)
		if err == nil || !py.IsException(py.TypeError, err) {
			t.Errorf("SetItem(%T) = %v, want a TypeError", key, err)
		}
	}
}

// Order survives growth past the small size, deletions, compaction and
// re-insertion.
func TestInsertionOrder(t *testing.T) {
	d := New()
	for i := 0; i < 100; i++ {
		mustSet(t, d, py.Int(i*7%100), py.Int(i))
	}
	for i := 0; i < 100; i += 3 {
		if found, err := d.DelItem(py.Int(i)); err != nil || !found {
			t.Fatalf("DelItem(%d) = %v, %v", i, found, err)
		}
	}
	mustSet(t, d, py.Int(0), py.String("back"))
	var want []py.Object
	for i := 0; i < 100; i++ {
		if k := i * 7 % 100; k%3 != 0 {
			want = append(want, py.Int(k))
		}
	}
	want = append(want, py.Int(0))
	if got := keysOf(d); got != fmt.Sprint(want) {
		t.Errorf("keys %s\nwant %v", got, want)
	}
	for _, k := range want {
		if _, found, _ := d.GetItem(k); !found {
			t.Errorf("key %v lost", k)
		}
	}
	if _, found, _ := d.GetItem(py.Int(3)); found {
		t.Error("deleted key 3 still found")
	}
}

func TestUpdateKeepsPlaces(t *testing.T) {
	d := New()
	for _, k := range []string{"b", "a", "c"} {
		d.SetString(k, py.Int(1))
	}
	d.SetString("a", py.Int(2))
	if got := keysOf(d); got != "[b a c]" {
		t.Errorf("keys %s, want [b a c]", got)
	}
	if v, _ := d.GetString("a"); v != py.Int(2) {
		t.Errorf("a = %v, want 2", v)
	}
}

func TestPopitemIsLastIn(t *testing.T) {
	d := New()
	for i := 0; i < 20; i++ {
		mustSet(t, d, py.Int(i), py.None)
	}
	for i := 19; i >= 0; i-- {
		item, err := popitemMethod(d, nil)
		if err != nil || item.(py.Tuple)[0] != py.Int(i) {
			t.Fatalf("popitem = %v, %v; want key %d", item, err, i)
		}
	}
	if _, err := popitemMethod(d, nil); err == nil {
		t.Error("popitem of an empty dict did not fail")
	}
}

func TestIteratorChecks(t *testing.T) {
	d := New()
	d.SetString("a", py.Int(1))
	d.SetString("b", py.Int(2))
	it := newIterator(d, keysView)
	if _, err := it.M__next__(); err != nil {
		t.Fatal(err)
	}
	d.SetString("c", py.Int(3))
	if _, err := it.M__next__(); err == nil || !py.IsException(py.RuntimeError, err) {
		t.Errorf("after an insertion: %v, want a RuntimeError", err)
	}
	if _, err := it.M__next__(); err != py.StopIteration {
		t.Errorf("after the error: %v, want the end", err)
	}
	d.SetString("a", py.Int(9)) // values may change
	it = newIterator(d, itemsView)
	n := 0
	for {
		if _, err := it.M__next__(); err == py.StopIteration {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 3 {
		t.Errorf("iterated %d items, want 3", n)
	}
}

func TestRepr(t *testing.T) {
	d := New()
	d.SetString("s", py.String("it's"))
	mustSet(t, d, py.Int(1), py.Tuple{py.None, py.True})
	d.SetString("self", d)
	got, err := d.M__repr__()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{'s': "it's", 1: (None, True), 'self': {...}}`; string(got.(py.String)) != want {
		t.Errorf("repr %s, want %s", got, want)
	}
}

func TestEquality(t *testing.T) {
	a, b := New(), New()
	a.SetString("x", py.Int(1))
	a.SetString("y", py.Int(2))
	b.SetString("y", py.Float(2))
	b.SetString("x", py.Int(1))
	if eq, _ := a.M__eq__(b); eq != py.True {
		t.Error("dicts with the same items in another order differ")
	}
	if eq, _ := a.M__eq__(py.StringDict{"x": py.Int(1), "y": py.Int(2)}); eq != py.True {
		t.Error("dict differs from the same gpython dict")
	}
	b.SetString("z", py.None)
	if eq, _ := a.M__eq__(b); eq != py.False {
		t.Error("dicts of different sizes are equal")
	}
	if eq, _ := a.M__eq__(py.Int(1)); eq != py.NotImplemented {
		t.Errorf("comparing with an int: %v, want NotImplemented", eq)
	}
}

func TestUpdateForms(t *testing.T) {
	d := New()
	if err := d.Update(py.Tuple{py.Tuple{py.String("a"), py.Int(1)}, py.NewListFromItems([]py.Object{py.String("b"), py.Int(2)})}); err != nil {
		t.Fatal(err)
	}
	if err := d.Update(py.StringDict{"d": py.Int(4), "c": py.Int(3)}); err != nil {
		t.Fatal(err)
	}
	if got := keysOf(d); got != "[a b c d]" {
		t.Errorf("keys %s, want [a b c d] (gpython's dicts come sorted)", got)
	}
	for _, bad := range []py.Object{py.Int(1), py.Tuple{py.Int(1)}, py.Tuple{py.Tuple{py.Int(1)}}} {
		if err := New().Update(bad); err == nil {
			t.Errorf("Update(%v) did not fail", bad)
		}
	}
}

func TestToStringDict(t *testing.T) {
	d := New()
	d.SetString("a", py.Int(1))
	sd, err := d.ToStringDict()
	if err != nil || sd["a"] != py.Int(1) {
		t.Errorf("ToStringDict = %v, %v", sd, err)
	}
	mustSet(t, d, py.Int(1), py.None)
	if _, err := d.ToStringDict(); err == nil {
		t.Error("a non-str key converted")
	}
}

func TestFromPairs(t *testing.T) {
	obj, err := FromPairs([]py.Object{py.String("b"), py.String("a")}, []py.Object{py.Int(1), py.Int(2)})
	if err != nil {
		t.Fatal(err)
	}
	if got := keysOf(obj.(*Dict)); got != "[b a]" {
		t.Errorf("keys %s, want [b a]", got)
	}
	if _, err := FromPairs([]py.Object{py.String("a")}, nil); err == nil {
		t.Error("mismatched pairs accepted")
	}
}

func TestKeyError(t *testing.T) {
	_, err := New().M__getitem__(py.Int(5))
	exc, ok := err.(*py.Exception)
	if !ok || !py.IsException(py.KeyError, exc) {
		t.Fatalf("got %v, want a KeyError", err)
	}
	if args := exc.Args.(py.Tuple); len(args) != 1 || args[0] != py.Int(5) || exc.Dict["key"] != py.Int(5) {
		t.Errorf("args %v key %v, want the key in both", args, exc.Dict["key"])
	}
}
