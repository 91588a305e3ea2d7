package pymod

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func TestHashKey(t *testing.T) {
	same := [][]py.Object{
		{py.Int(1), py.Float(1), py.True},
		{py.Tuple{py.Int(1), py.String("a")}, py.Tuple{py.Float(1), py.String("a")}},
		{py.String("a"), py.String("a")},
	}
	for _, group := range same {
		first, err := hashKey(group[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range group[1:] {
			if k, _ := hashKey(o); k != first {
				t.Errorf("hashKey(%v) = %q, want %q like %v", o, k, first, group[0])
			}
		}
	}
	different := []py.Object{py.String("1"), py.Int(1), py.Bytes("1"), py.Tuple{py.Int(1)}, py.None, py.Float(1.5)}
	seen := map[string]py.Object{}
	for _, o := range different {
		k, err := hashKey(o)
		if err != nil {
			t.Fatal(err)
		}
		if prev, dup := seen[k]; dup {
			t.Errorf("hashKey(%v) collides with %v", o, prev)
		}
		seen[k] = o
	}
	if _, err := hashKey(py.NewList()); err == nil {
		t.Error("a list hashed")
	}
}

func TestOdictOrderAndCompaction(t *testing.T) {
	d := newOdict(nil)
	for i := 0; i < 100; i++ {
		if err := d.set(py.Int(i), py.Int(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 90; i++ {
		if _, ok, _ := d.remove(py.Int(i)); !ok {
			t.Fatalf("key %d missing", i)
		}
	}
	if _, err := d.moveToEnd(py.Int(90), true); err != nil {
		t.Fatal(err)
	}
	if _, err := d.moveToEnd(py.Int(99), false); err != nil {
		t.Fatal(err)
	}
	keys, _ := d.pairs()
	want := []int{99, 91, 92, 93, 94, 95, 96, 97, 98, 90}
	if len(keys) != len(want) || len(d.entries) > 2*d.live+33 {
		t.Fatalf("keys %v (entries %d), want %v", keys, len(d.entries), want)
	}
	for i, k := range keys {
		if k.(py.Int) != py.Int(want[i]) {
			t.Fatalf("keys %v, want %v", keys, want)
		}
	}
	if v, ok, _ := d.lookup(py.Float(95)); !ok || v.(py.Int) != 95 {
		t.Errorf("lookup(95.0) = %v, %v", v, ok)
	}
}

func TestCollectionsModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "ordered", setup: "from collections import OrderedDict\nd = OrderedDict()\nd['b'] = 1\nd['a'] = 2", expr: `list(d.items())`, want: "[('b', 1), ('a', 2)]"},
		{name: "ordered repr", setup: "from collections import OrderedDict", expr: `OrderedDict([(1, 'x')])`, want: "OrderedDict([(1, 'x')])"},
		{name: "ordered eq order", setup: "from collections import OrderedDict", expr: `[OrderedDict([("a", 1), ("b", 2)]) == OrderedDict(a=1, b=2), OrderedDict([("a", 1), ("b", 2)]) == OrderedDict([("b", 2), ("a", 1)]), OrderedDict(a=1) == {"a": 1}]`, want: "[True, False, True]"},
		{name: "mutation during iteration", setup: "from collections import OrderedDict\nd = OrderedDict(a=1, b=2)\nit = iter(d)\nnext(it)\nd['z'] = 1", expr: `next(it)`, wantErr: "OrderedDict mutated during iteration"},
		{name: "defaultdict", setup: "from collections import defaultdict\nd = defaultdict(list)\nd['x'].append(1)", expr: `d`, want: "defaultdict(<class 'list'>, {'x': [1]})"},
		{name: "defaultdict get", setup: "from collections import defaultdict\nd = defaultdict(int)", expr: `[d.get('x'), len(d), d['x'], len(d)]`, want: "[None, 0, 0, 1]"},
		{name: "counter", setup: "from collections import Counter", expr: `Counter("abracadabra").most_common(3)`, want: "[('a', 5), ('b', 2), ('r', 2)]"},
		{name: "counter ops", setup: "from collections import Counter\nx = Counter(a=3, b=1)\ny = Counter(a=1, b=2)", expr: `[x + y, x - y, x | y, x & y]`, want: "[Counter({'a': 4, 'b': 3}), Counter({'a': 2}), Counter({'a': 3, 'b': 2}), Counter({'a': 1, 'b': 1})]"},
		{name: "namedtuple", setup: "from collections import namedtuple\nP = namedtuple('P', 'x y', defaults=[0])", expr: `[P(1), P(1, 2)._replace(x=3), P._make([5, 6]).y]`, want: "[P(x=1, y=0), P(x=3, y=2), 6]"},
		{name: "namedtuple errors", setup: "from collections import namedtuple", expr: `namedtuple("P", "x def")`, wantErr: "Type names and field names cannot be a keyword: 'def'"},
		{name: "namedtuple subclass", setup: "from collections import namedtuple\nclass V(namedtuple('V', 'x y')):\n    def s(self):\n        return self.x + self.y", expr: `[V(1, 2).s(), V._make([3, 4]).s(), V._fields]`, want: "[3, 7, ('x', 'y')]"},
		{name: "deque", setup: "from collections import deque\nq = deque([1, 2, 3], maxlen=3)\nq.append(4)\nq.rotate(1)", expr: `q`, want: "deque([4, 2, 3], maxlen=3)"},
	})
}
