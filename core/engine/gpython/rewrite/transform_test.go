package rewrite

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// rewritten is what the rewriter prints for src, without its final
// newline.
func rewritten(t *testing.T, src string) string {
	t.Helper()
	printed, _, err := rewriteAST(src, "t.py", py.ExecMode)
	if err != nil {
		t.Fatalf("rewriting %q: %v", src, err)
	}
	return strings.TrimSuffix(printed, "\n")
}

func TestTransforms(t *testing.T) {
	tests := []struct{ name, src, want string }{
		// truth tests
		{"if name", "if x: pass", "if __gowsgi_truth__(x): pass"},
		{"if comparison", "if x == 1: pass", "if x == 1: pass"},
		{"if known bool call", "if isinstance(x, int) and s.startswith('a'): pass", "if isinstance(x, int) and s.startswith('a'): pass"},
		{"not", "y = not x", "y = not __gowsgi_truth__(x)"},
		{"not comparison", "y = not x in z", "y = not x in z"},
		{"while", "while chunk: pass", "while __gowsgi_truth__(chunk): pass"},
		{"assert", "assert x, 'm'", "assert __gowsgi_truth__(x), 'm'"},
		{"ternary", "y = a if b else c", "y = a if __gowsgi_truth__(b) else c"},
		{"comprehension condition", "y = [a for a in b if a]", "y = __gowsgi_iter_checked__([a for a in __gowsgi_iter__(b) if __gowsgi_truth__(a)])"},
		{"and/or in a test", "if a and not b or c: pass", "if __gowsgi_truth__(a) and not __gowsgi_truth__(b) or __gowsgi_truth__(c): pass"},
		{"or value", "y = a or b", "y = __gowsgi_operand__(a) or b"},
		{"and value", "y = a and b", "y = __gowsgi_and_result__(__gowsgi_operand__(a) and b)"},
		{"safe operands", "y = a == 1 or 'x'", "y = a == 1 or 'x'"},
		{"literals are safe", "if 'x' or 1 or None or []: pass", "if 'x' or 1 or None or []: pass"},
		// dicts
		{"dict display", "d = {'a': 1, 2: b}", "d = __gowsgi_dict__('a', 1, 2, b)"},
		{"empty dict", "d = {}", "d = __gowsgi_dict__()"},
		{"dict comprehension", "d = {k: v for k, v in x}", "d = __gowsgi_iter_checked__(__gowsgi_dict_pairs__([(k, v) for (k, v) in __gowsgi_iter__(x)]))"},
		{"dict is tested natively", "if {}: pass", "if __gowsgi_dict__(): pass"},
		{"kwargs mapping", "f(**m)", "__gowsgi_call_ordered__(f, (), None, m)"},
		{"one keyword", "f(a=1)", "f(a=1)"},
		{"ordered keywords", "f(x, a=1, b=2)", "__gowsgi_call_ordered__(f, (x,), 'a', 1, 'b', 2, None, None)"},
		{"ordered with starargs", "f(*s, a=1, b=2)", "__gowsgi_call_ordered__(f, (), 'a', 1, 'b', 2, s, None)"},
		{"frame builtins untouched", "exec(s, globals=g, locals=l)", "exec(s, globals=g, locals=l)"},
		{"kwargs parameter", "def f(**kw):\n    return kw", "def f(**kw):\n    kw = __gowsgi_kwargs_param__(kw); return kw"},
		{"kwargs parameter after docstring", "def f(**kw):\n    'doc'\n    pass", "def f(**kw):\n    'doc'\n    kw = __gowsgi_kwargs_param__(kw); pass"},
		{"class kwargs", "class C(**m): pass", "class C(**__gowsgi_kwargs__(m)): pass"},
		{"starargs with kwargs", "f(*s, **m)", "__gowsgi_call_ordered__(f, (), s, m)"},
		{"exec with namespace", "exec(src, ns)", "__gowsgi_eval_exec__(exec, src, ns)"},
		{"type with namespace", "T = type('T', (), ns)", "T = type('T', (), __gowsgi_namespace__(ns))"},
		{"namespace attribute", "f.__kwdefaults__ = {'a': 1}", "f.__kwdefaults__ = __gowsgi_namespace__(__gowsgi_dict__('a', 1))"},
		// exceptions
		{"named handler", "try:\n    a()\nexcept E as e:\n    b()", "try:\n    a()\nexcept E as e:\n    try: e = __gowsgi_exc_enter__(e); b()\n    finally: __gowsgi_exc_leave__()"},
		{"bare handler", "try:\n    a()\nexcept:\n    raise", "try:\n    a()\nexcept BaseException as __gowsgi_exc_1__:\n    try: __gowsgi_exc_1__ = __gowsgi_exc_enter__(__gowsgi_exc_1__); raise\n    finally: __gowsgi_exc_leave__()"},
		{"bare raise outside a handler", "def f():\n    raise", "def f():\n    raise __gowsgi_exc_current__()"},
		{"bare except not last stays", "try:\n    a()\nexcept:\n    pass\nexcept E:\n    pass", "try:\n    a()\nexcept:\n    pass\nexcept E as __gowsgi_exc_1__:\n    try: __gowsgi_exc_1__ = __gowsgi_exc_enter__(__gowsgi_exc_1__); pass\n    finally: __gowsgi_exc_leave__()"},
		// decorators
		{"dotted decorator", "@app.route('/')\ndef f(): pass", "@__gowsgi_decorator__(app.route('/'))\ndef f(): pass"},
		{"dotted decorator name", "@a.b.c\ndef f(): pass", "@__gowsgi_decorator__(a.b.c)\ndef f(): pass"},
		{"plain decorator", "@deco\ndef f(): pass", "@deco\ndef f(): pass"},
		// raising and super()
		{"raise", "raise E('x')", "raise __gowsgi_raise__(E('x'))"},
		{"raise from", "raise E from e", "raise __gowsgi_raise__(E) from __gowsgi_raise__(e)"},
		{"super in a method", "class C(B):\n    def f(self, x):\n        return super().f(x)",
			"class C(B):\n    def f(self, x):\n        return super(__class__, self).f(x)"},
		{"super with arguments", "class C(B):\n    def f(s):\n        return super(C, s).f()",
			"class C(B):\n    def f(s):\n        return super(C, s).f()"},
		{"super outside a method", "def f(self):\n    return super().f()", "def f(self):\n    return super().f()"},
		{"super in a nested function", "class C:\n    def f(self):\n        def g(x):\n            return super()\n        return g",
			"class C:\n    def f(self):\n        def g(x):\n            return super()\n        return g"},
		{"slots", "class P:\n    __slots__ = ('x',)", "class P:\n    __gowsgi_slots__ = ('x',)"},
		// operators
		{"ordering", "y = a < b", "y = __gowsgi_lt__(a, b)"},
		{"ordering with a literal", "y = a <= 1 or b > 'x' or len(c) >= n", "y = a <= 1 or b > 'x' or len(c) >= n"},
		{"equality", "y = a == b and c != d", "y = __gowsgi_eq__(a, b) and __gowsgi_ne__(c, d)"},
		{"equality with a literal", "y = a == None or b != 'x'", "y = a == None or b != 'x'"},
		{"identity", "y = a is b", "y = a is b"},
		{"chain of names", "y = a < b <= c", "y = __gowsgi_lt__(a, b) and __gowsgi_le__(b, c)"},
		{"chain with a call", "y = a < f() < c", "y = a < f() < c"},
		{"chain of literals", "y = 1 < n < 10", "y = 1 < n < 10"},
		{"bytes in", "y = b'x' in data", "y = __gowsgi_in__(b'x', data)"},
		{"bytes not in", "y = sep not in b'abc'", "y = __gowsgi_not_in__(sep, b'abc')"},
		{"in a display of values", "y = a in (b, c)", "y = __gowsgi_in__(a, (b, c))"},
		{"in a display of literals", "y = a in ('x', 1)", "y = a in ('x', 1)"},
		{"plain in", "y = k in d", "y = k in d"},
		{"subscript", "y = a[i]", "y = __gowsgi_getitem__(a, i)"},
		{"subscript by str", "y = a['k']", "y = a['k']"},
		{"slice", "y = a[1:]", "y = __gowsgi_slice__(a, 1, None, None)"},
		{"stepped slice", "y = a[::-1]", "y = __gowsgi_slice__(a, None, None, -1)"},
		{"stored subscript", "a[i] = a[j]", "a[i] = __gowsgi_getitem__(a, j)"},
		{"augmented subscript", "a[i] += 1", "a[i] += 1"},
		{"bytes repeat", "y = b'-' * n", "y = __gowsgi_mul__(b'-', n)"},
		{"number product", "y = a * n", "y = a * n"},
		{"str format", "y = '%s' % x", "y = __gowsgi_mod__('%s', x)"},
		{"format in a name", "y = fmt % (a, b)", "y = __gowsgi_mod__(fmt, (a, b))"},
		{"modulo of a number", "y = i % 2", "y = i % 2"},
		{"tuple concatenation", "y = t + (x,)", "y = __gowsgi_add__(t, (x,))"},
		{"addition of names", "y = a + b", "y = __gowsgi_add__(a, b)"},
		{"addition with a literal", "y = a + 1 + 'x'", "y = a + 1 + 'x'"},
		{"expanded f-string fields", "y = __gowsgi_format__(a) + __gowsgi_format__(b)", "y = __gowsgi_format__(a) + __gowsgi_format__(b)"},
		{"tuple +=", "t += (x,)", "t = __gowsgi_iadd__(t, (x,))"},
		{"attribute tuple +=", "self.t += (x, y)", "self.t = __gowsgi_iadd__(self.t, (x, y))"},
		{"counter +=", "total = 0\nfor x in range(3):\n    total += x", "total = 0\nfor x in range(3):\n    total += x"},
		{"str accumulator +=", "def f(parts):\n    s = ''\n    for p in parts:\n        s += p",
			"def f(parts):\n    s = ''\n    for p in __gowsgi_iter__(parts):\n        s += p\n    else: __gowsgi_iter_end__()"},
		{"unknown name +=", "def f(t, extra):\n    t += extra", "def f(t, extra):\n    t = __gowsgi_iadd__(t, extra)"},
		{"attribute +=", "self.items += extra", "self.items = __gowsgi_iadd__(self.items, extra)"},
		{"attribute += literal", "self.count += 1", "self.count += 1"},
		// loops
		{"for over a call", "for x in f():\n    g(x)", "for x in __gowsgi_iter__(f()):\n    g(x)\nelse: __gowsgi_iter_end__()"},
		{"for with else", "for x in d:\n    g(x)\nelse:\n    h()",
			"for x in __gowsgi_iter__(d):\n    g(x)\nelse:\n    __gowsgi_iter_end__(); h()"},
		{"for over range", "for i in range(3):\n    g(i)", "for i in range(3):\n    g(i)"},
		{"for over a display", "for x in [a, b]:\n    g(x)", "for x in [a, b]:\n    g(x)"},
		{"list comprehension", "y = [x for x in f()]", "y = __gowsgi_iter_checked__([x for x in __gowsgi_iter__(f())])"},
		{"comprehension over range", "y = [x for x in range(3)]", "y = [x for x in range(3)]"},
		{"generator expression", "y = sum(x for x in f())", "y = sum((x for x in __gowsgi_iterable__(f())))"},
		{"inner iterable", "y = [x for r in rows for x in r]",
			"y = __gowsgi_iter_checked__([x for r in __gowsgi_iter__(rows) for x in __gowsgi_iterable__(r)])"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewritten(t, tt.src); got != tt.want {
				t.Errorf("rewriting %q\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}
