package rewrite

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// gpython compiles dict displays to its string-keyed, unordered dict, and
// cannot be reached from outside to change that, so displays and
// comprehensions become calls that build the ordered dict of package
// pydict:
//
//	{k: v, 1: 2}               →  __gowsgi_dict__(k, v, 1, 2)
//	{k: v for k in ks}         →  __gowsgi_dict_pairs__([(k, v) for k in ks])
//
// Keyword arguments still arrive as gpython's dict, which **mapping in a
// call also requires, hence:
//
//	f(k=1, **m)                →  f(k=1, **__gowsgi_kwargs__(m))
//	def f(**kw): body          →  def f(**kw): kw = __gowsgi_kwargs_param__(kw); body
//
// and calls with several keywords pass through a helper that keeps their
// order (orderedKeywordCall).

func dictDisplay(n *ast.Dict) ast.Expr {
	args := make([]ast.Expr, 0, 2*len(n.Keys))
	for i := range n.Keys {
		args = append(args, n.Keys[i], n.Values[i])
	}
	return callHelper(helperDict, posOf(n), args...)
}

func dictComprehension(n *ast.DictComp) ast.Expr {
	pos := posOf(n)
	pair := &ast.Tuple{ExprBase: ast.ExprBase{Pos: posOf(n.Key)}, Elts: []ast.Expr{n.Key, n.Value}, Ctx: ast.Load}
	pairs := &ast.ListComp{ExprBase: ast.ExprBase{Pos: pos}, Elt: pair, Generators: n.Generators}
	return callHelper(helperDictPairs, pos, pairs)
}

// kwargsMapping wraps the mapping of **mapping in a call.
func kwargsMapping(e ast.Expr) ast.Expr {
	return callHelper(helperKwargs, posOf(e), e)
}

// withKwargsParam makes a **kwargs parameter an ordered dict as the body
// starts (after its docstring, which must stay first).
func withKwargsParam(args *ast.Arguments, body []ast.Stmt) []ast.Stmt {
	if args == nil || args.Kwarg == nil {
		return body
	}
	kw := string(args.Kwarg.Arg)
	convert := &ast.Assign{
		Targets: []ast.Expr{&ast.Name{Id: ast.Identifier(kw), Ctx: ast.Store}},
		Value:   callHelper(helperKwargsParam, ast.Pos{}, name(kw, ast.Pos{})),
	}
	at := 0
	if len(body) > 0 && isDocstring(body[0]) {
		at = 1
	}
	out := make([]ast.Stmt, 0, len(body)+1)
	out = append(out, body[:at]...)
	out = append(out, convert)
	return append(out, body[at:]...)
}

func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, ok = e.Value.(*ast.Str)
	return ok
}

// namespaceCall rewrites the calls of builtins that take a namespace and
// accept only gpython's dict: eval and exec with explicit globals, and
// type(name, bases, namespace).
//
//	exec(src, ns)            →  __gowsgi_eval_exec__(exec, src, ns)
//	type('C', (), ns)        →  type('C', (), __gowsgi_namespace__(ns))
func namespaceCall(n *ast.Call) ast.Expr {
	f, ok := n.Func.(*ast.Name)
	if !ok || len(n.Keywords) > 0 || n.Starargs != nil || n.Kwargs != nil {
		return n
	}
	switch {
	case (f.Id == "eval" || f.Id == "exec") && len(n.Args) >= 2 && len(n.Args) <= 3:
		args := append([]ast.Expr{f}, n.Args...)
		return callHelper(helperEvalExec, posOf(n), args...)
	case f.Id == "type" && len(n.Args) == 3:
		n.Args[2] = callHelper(helperNamespace, posOf(n.Args[2]), n.Args[2])
	}
	return n
}

// namespaceAttributes are the attributes gpython lets only its own dict
// be assigned to.
var namespaceAttributes = map[ast.Identifier]bool{
	"__dict__": true, "__kwdefaults__": true, "__annotations__": true,
}

// namespaceAssign rewrites value when one of targets is such an
// attribute: f.__kwdefaults__ = {'a': 1}.
func namespaceAssign(targets []ast.Expr, value ast.Expr) ast.Expr {
	for _, t := range targets {
		if a, ok := t.(*ast.Attribute); ok && namespaceAttributes[a.Attr] {
			return callHelper(helperNamespace, posOf(value), value)
		}
	}
	return value
}

// orderedKeywordCall rewrites a call with several keyword arguments or a
// **mapping so that the keywords' order survives gpython's call protocol:
// dict() and update() keep it, and a **kwargs parameter of the callee
// receives it. kwargs is the call's **mapping as written, or nil. ok is
// false for a call left to gpython, which the caller finishes.
//
//	f(x, *a, k=1, j=2, **m)  →  __gowsgi_call_ordered__(f, (x,), 'k', 1, 'j', 2, a, m)
//
// The arguments are evaluated in the order gpython evaluates them.
func orderedKeywordCall(n *ast.Call, kwargs ast.Expr) (ast.Expr, bool) {
	if (len(n.Keywords) < 2 && kwargs == nil) || needsCallerFrame(n.Func) {
		return n, false
	}
	pos := posOf(n)
	none := func() ast.Expr { return &ast.NameConstant{ExprBase: ast.ExprBase{Pos: pos}, Value: py.None} }
	positional := &ast.Tuple{ExprBase: ast.ExprBase{Pos: pos}, Elts: n.Args, Ctx: ast.Load}
	args := []ast.Expr{n.Func, positional}
	for _, k := range n.Keywords {
		key := &ast.Str{ExprBase: ast.ExprBase{Pos: posOf(k.Value)}, S: py.String(k.Arg)}
		args = append(args, key, k.Value)
	}
	starargs := n.Starargs
	if starargs == nil {
		starargs = none()
	}
	if kwargs == nil {
		kwargs = none()
	}
	args = append(args, starargs, kwargs)
	return callHelper(helperCallOrdered, pos, args...), true
}

// needsCallerFrame reports the builtins gpython runs with the calling
// frame (globals(), locals(), eval, exec, __import__), which cannot be
// called through a helper.
func needsCallerFrame(f ast.Expr) bool {
	n, ok := f.(*ast.Name)
	if !ok {
		return false
	}
	switch n.Id {
	case "globals", "locals", "eval", "exec", "__import__", "vars", "dir":
		return true
	}
	return false
}
