package pymod

import "testing"

func TestFunctoolsModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "reduce", setup: "from functools import reduce", expr: `reduce(lambda a, b: a * b, [1, 2, 3, 4])`, want: "24"},
		{name: "reduce empty", setup: "from functools import reduce", expr: `reduce(lambda a, b: a, [])`, wantErr: "reduce() of empty iterable with no initial value"},
		{name: "partial", setup: "from functools import partial\ndef f(a, b, c=0):\n    return a + b + c", expr: `[partial(f, 1)(2), partial(f, 1, c=5)(1), partial(partial(f, 1), 2)()]`, want: "[3, 7, 3]"},
		{name: "wraps", setup: "from functools import wraps\ndef inner():\n    'doc'\n    return 1\ndef outer():\n    return inner()\nw = wraps(inner)(outer)", expr: `[w.__name__, w.__doc__, w.__wrapped__ is inner, w()]`, want: "['inner', 'doc', True, 1]"},
		{name: "lru_cache", setup: "from functools import lru_cache\ncalls = []\ndef sq(x):\n    calls.append(x)\n    return x * x\nsq = lru_cache(maxsize=2)(sq)\nfor v in [1, 2, 1, 3, 2]:\n    sq(v)", expr: `[calls, sq.cache_info()]`, want: "[[1, 2, 3, 2], CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)]"},
		{name: "unhashable argument", setup: "from functools import cache\nf = cache(lambda x: x)", expr: `f([1])`, wantErr: "unhashable type: 'list'"},
		{name: "cached_property", setup: "from functools import cached_property\nclass C:\n    n = 0\n    def v(self):\n        C.n += 1\n        return 42\n    v = cached_property(v)\nc = C()", expr: `[c.v, c.v, C.n]`, want: "[42, 42, 1]"},
		{name: "cmp_to_key", setup: "from functools import cmp_to_key", expr: `sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a))`, want: "[3, 2, 1]"},
	})
}
