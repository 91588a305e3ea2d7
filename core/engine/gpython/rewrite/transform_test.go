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
		{"comprehension condition", "y = [a for a in b if a]", "y = [a for a in b if __gowsgi_truth__(a)]"},
		{"and/or in a test", "if a and not b or c: pass", "if __gowsgi_truth__(a) and not __gowsgi_truth__(b) or __gowsgi_truth__(c): pass"},
		{"or value", "y = a or b", "y = __gowsgi_operand__(a) or b"},
		{"and value", "y = a and b", "y = __gowsgi_and_result__(__gowsgi_operand__(a) and b)"},
		{"safe operands", "y = a == 1 or 'x'", "y = a == 1 or 'x'"},
		{"literals are safe", "if 'x' or 1 or None or []: pass", "if 'x' or 1 or None or []: pass"},
		// dicts
		{"dict display", "d = {'a': 1, 2: b}", "d = __gowsgi_dict__('a', 1, 2, b)"},
		{"empty dict", "d = {}", "d = __gowsgi_dict__()"},
		{"dict comprehension", "d = {k: v for k, v in x}", "d = __gowsgi_dict_pairs__([(k, v) for (k, v) in x])"},
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
		{"named handler", "try:\n    a()\nexcept E as e:\n    b()", "try:\n    a()\nexcept E as e:\n    try: __gowsgi_exc_enter__(e); b()\n    finally: __gowsgi_exc_leave__()"},
		{"bare handler", "try:\n    a()\nexcept:\n    raise", "try:\n    a()\nexcept BaseException as __gowsgi_exc_1__:\n    try: __gowsgi_exc_enter__(__gowsgi_exc_1__); raise\n    finally: __gowsgi_exc_leave__()"},
		{"bare raise outside a handler", "def f():\n    raise", "def f():\n    raise __gowsgi_exc_current__()"},
		{"bare except not last stays", "try:\n    a()\nexcept:\n    pass\nexcept E:\n    pass", "try:\n    a()\nexcept:\n    pass\nexcept E as __gowsgi_exc_1__:\n    try: __gowsgi_exc_enter__(__gowsgi_exc_1__); pass\n    finally: __gowsgi_exc_leave__()"},
		// decorators
		{"dotted decorator", "@app.route('/')\ndef f(): pass", "@__gowsgi_decorator__(app.route('/'))\ndef f(): pass"},
		{"dotted decorator name", "@a.b.c\ndef f(): pass", "@__gowsgi_decorator__(a.b.c)\ndef f(): pass"},
		{"plain decorator", "@deco\ndef f(): pass", "@deco\ndef f(): pass"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewritten(t, tt.src); got != tt.want {
				t.Errorf("rewriting %q\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}
