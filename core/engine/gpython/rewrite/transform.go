package rewrite

import (
	"github.com/go-python/gpython/ast"
)

// transformer rewrites a module's AST in place, in one walk:
//
//   - except handlers tell the runtime which exception they handle
//     (transform_exc.go);
//   - truth tests and and/or operands use Python's truth rules
//     (transform_truth.go);
//   - dict displays, dict comprehensions, **mappings and **kwargs
//     parameters use the ordered dict (transform_dict.go).
//
// Nodes it adds carry the position of the code they stand for, or no
// position for added statements, which the printer places itself.
type transformer struct {
	// handlers counts the except handlers around the code being walked
	// in the current function: a bare raise there re-raises natively.
	handlers int
	// excNames numbers the names given to handlers written without "as".
	excNames int
	// classBody is set while walking the statements of a class body,
	// where a def makes a method.
	classBody bool
	// method names the first parameter of the method being walked (a
	// function defined directly in a class body), for super(); nil
	// elsewhere.
	method ast.Expr
	// scalars are the names the scope being walked sets to a number or
	// a str (see augAssign).
	scalars map[ast.Identifier]bool
}

// transform applies the AST rewrites to mod in place.
func transform(mod ast.Mod) {
	t := &transformer{}
	switch m := mod.(type) {
	case *ast.Module:
		t.scalars = scalarNames(m.Body)
		t.stmts(m.Body)
	case *ast.Expression:
		m.Body = t.expr(m.Body)
	}
}

func (t *transformer) stmts(list []ast.Stmt) {
	for i, s := range list {
		t.stmt(s)
		if aug, ok := s.(*ast.AugAssign); ok {
			list[i] = t.augAssign(aug)
		}
	}
}

func (t *transformer) stmt(s ast.Stmt) {
	switch n := s.(type) {
	case *ast.FunctionDef:
		t.decorators(n.DecoratorList)
		t.arguments(n.Args)
		if n.Returns != nil {
			n.Returns = t.expr(n.Returns)
		}
		t.functionBody(n)
	case *ast.ClassDef:
		t.decorators(n.DecoratorList)
		t.exprs(n.Bases)
		t.keywords(n.Keywords)
		if n.Starargs != nil {
			n.Starargs = t.expr(n.Starargs)
		}
		if n.Kwargs != nil {
			n.Kwargs = kwargsMapping(t.expr(n.Kwargs))
		}
		saved := t.classBody
		t.classBody = true
		t.stmts(n.Body)
		t.classBody = saved
		renameSlots(n.Body)
	case *ast.Return:
		if n.Value != nil {
			n.Value = t.expr(n.Value)
		}
	case *ast.Delete:
		t.targets(n.Targets)
	case *ast.Assign:
		t.targets(n.Targets)
		n.Value = namespaceAssign(n.Targets, t.expr(n.Value))
	case *ast.AugAssign:
		n.Target = t.target(n.Target)
		n.Value = t.expr(n.Value)
	case *ast.For:
		n.Target = t.target(n.Target)
		n.Iter = t.expr(n.Iter)
		t.stmts(n.Body)
		t.stmts(n.Orelse)
		checkedFor(n)
	case *ast.While:
		n.Test = t.test(n.Test)
		t.stmts(n.Body)
		t.stmts(n.Orelse)
	case *ast.If:
		n.Test = t.test(n.Test)
		t.stmts(n.Body)
		t.stmts(n.Orelse)
	case *ast.With:
		for _, item := range n.Items {
			item.ContextExpr = t.expr(item.ContextExpr)
			if item.OptionalVars != nil {
				item.OptionalVars = t.target(item.OptionalVars)
			}
		}
		t.stmts(n.Body)
	case *ast.Raise:
		t.raise(n)
	case *ast.Try:
		t.try(n)
	case *ast.Assert:
		n.Test = t.test(n.Test)
		if n.Msg != nil {
			n.Msg = t.expr(n.Msg)
		}
	case *ast.ExprStmt:
		n.Value = t.expr(n.Value)
	}
}

// functionBody walks a function's body, a scope of its own: handlers of
// the code around the def do not enclose it when it runs.
func (t *transformer) functionBody(n *ast.FunctionDef) {
	saved, savedClass, savedMethod, savedScalars := t.handlers, t.classBody, t.method, t.scalars
	t.handlers = 0
	t.method = nil
	t.scalars = scalarNames(n.Body)
	if t.classBody {
		t.method = instanceArgument(n.Args)
	}
	t.classBody = false
	t.stmts(n.Body)
	t.handlers, t.classBody, t.method, t.scalars = saved, savedClass, savedMethod, savedScalars
	n.Body = withKwargsParam(n.Args, n.Body)
}

func (t *transformer) arguments(a *ast.Arguments) {
	if a == nil {
		return
	}
	t.exprs(a.Defaults)
	for i, d := range a.KwDefaults {
		if d != nil {
			a.KwDefaults[i] = t.expr(d)
		}
	}
	for _, arg := range allArgs(a) {
		if arg.Annotation != nil {
			arg.Annotation = t.expr(arg.Annotation)
		}
	}
}

func allArgs(a *ast.Arguments) []*ast.Arg {
	args := append([]*ast.Arg(nil), a.Args...)
	args = append(args, a.Kwonlyargs...)
	for _, extra := range []*ast.Arg{a.Vararg, a.Kwarg} {
		if extra != nil {
			args = append(args, extra)
		}
	}
	return args
}

func (t *transformer) exprs(list []ast.Expr) {
	for i, e := range list {
		list[i] = t.expr(e)
	}
}

func (t *transformer) keywords(list []*ast.Keyword) {
	for _, k := range list {
		k.Value = t.expr(k.Value)
	}
}

func (t *transformer) targets(list []ast.Expr) {
	for i, e := range list {
		list[i] = t.target(e)
	}
}

// target walks an assignment target: names stay, the expressions inside
// attributes and subscripts are rewritten.
func (t *transformer) target(e ast.Expr) ast.Expr {
	switch n := e.(type) {
	case *ast.Attribute:
		n.Value = t.expr(n.Value)
	case *ast.Subscript:
		n.Value = t.expr(n.Value)
		t.slice(n.Slice)
	case *ast.Tuple:
		t.targets(n.Elts)
	case *ast.List:
		t.targets(n.Elts)
	case *ast.Starred:
		n.Value = t.target(n.Value)
	}
	return e
}

// expr rewrites e, used for its value, and returns what replaces it.
func (t *transformer) expr(e ast.Expr) ast.Expr {
	switch n := e.(type) {
	case *ast.BoolOp:
		return t.boolOpValue(n)
	case *ast.BinOp:
		n.Left = t.expr(n.Left)
		n.Right = t.expr(n.Right)
		return t.binOp(n)
	case *ast.UnaryOp:
		if n.Op == ast.Not {
			n.Operand = t.test(n.Operand)
		} else {
			n.Operand = t.expr(n.Operand)
		}
	case *ast.Lambda:
		t.arguments(n.Args)
		saved, savedMethod := t.handlers, t.method
		t.handlers, t.method = 0, nil
		n.Body = t.expr(n.Body)
		t.handlers, t.method = saved, savedMethod
	case *ast.IfExp:
		n.Test = t.test(n.Test)
		n.Body = t.expr(n.Body)
		n.Orelse = t.expr(n.Orelse)
	case *ast.Dict:
		t.exprs(n.Keys)
		t.exprs(n.Values)
		return dictDisplay(n)
	case *ast.DictComp:
		n.Key = t.expr(n.Key)
		n.Value = t.expr(n.Value)
		t.comprehensions(n.Generators)
		return checkedComprehension(dictComprehension(n), n.Generators)
	case *ast.Set:
		t.exprs(n.Elts)
	case *ast.ListComp:
		n.Elt = t.expr(n.Elt)
		t.comprehensions(n.Generators)
		return checkedComprehension(n, n.Generators)
	case *ast.SetComp:
		n.Elt = t.expr(n.Elt)
		t.comprehensions(n.Generators)
		return checkedComprehension(n, n.Generators)
	case *ast.GeneratorExp:
		n.Elt = t.expr(n.Elt)
		t.comprehensions(n.Generators)
		generatorIterable(n.Generators)
	case *ast.Yield:
		if n.Value != nil {
			n.Value = t.expr(n.Value)
		}
	case *ast.YieldFrom:
		n.Value = t.expr(n.Value)
	case *ast.Compare:
		n.Left = t.expr(n.Left)
		t.exprs(n.Comparators)
		return t.compare(n)
	case *ast.Call:
		return t.call(n)
	case *ast.Attribute:
		n.Value = t.expr(n.Value)
	case *ast.Subscript:
		n.Value = t.expr(n.Value)
		t.slice(n.Slice)
		return t.subscript(n)
	case *ast.Starred:
		n.Value = t.expr(n.Value)
	case *ast.List:
		t.exprs(n.Elts)
	case *ast.Tuple:
		t.exprs(n.Elts)
	}
	return e
}

func (t *transformer) call(n *ast.Call) ast.Expr {
	t.zeroArgumentSuper(n)
	n.Func = t.expr(n.Func)
	t.exprs(n.Args)
	t.keywords(n.Keywords)
	if n.Starargs != nil {
		n.Starargs = t.expr(n.Starargs)
	}
	var kwargs ast.Expr
	if n.Kwargs != nil {
		kwargs = t.expr(n.Kwargs)
	}
	if ordered, ok := orderedKeywordCall(n, kwargs); ok {
		return ordered
	}
	if kwargs != nil {
		n.Kwargs = kwargsMapping(kwargs)
	}
	return namespaceCall(n)
}

func (t *transformer) comprehensions(gens []ast.Comprehension) {
	for i := range gens {
		g := &gens[i]
		g.Target = t.target(g.Target)
		g.Iter = t.expr(g.Iter)
		for j, cond := range g.Ifs {
			g.Ifs[j] = t.test(cond)
		}
	}
}

func (t *transformer) slice(s ast.Slicer) {
	switch n := s.(type) {
	case *ast.Index:
		n.Value = t.expr(n.Value)
	case *ast.Slice:
		if n.Lower != nil {
			n.Lower = t.expr(n.Lower)
		}
		if n.Upper != nil {
			n.Upper = t.expr(n.Upper)
		}
		if n.Step != nil {
			n.Step = t.expr(n.Step)
		}
	case *ast.ExtSlice:
		for _, d := range n.Dims {
			t.slice(d)
		}
	}
}

// name is a load of a helper or variable, placed at pos.
func name(id string, pos ast.Pos) *ast.Name {
	return &ast.Name{ExprBase: ast.ExprBase{Pos: pos}, Id: ast.Identifier(id), Ctx: ast.Load}
}

// callHelper calls a runtime helper with args, placed at pos.
func callHelper(helper string, pos ast.Pos, args ...ast.Expr) *ast.Call {
	return &ast.Call{ExprBase: ast.ExprBase{Pos: pos}, Func: name(helper, pos), Args: args}
}

// posOf is where e starts, for the nodes that replace or wrap it.
func posOf(e ast.Expr) ast.Pos {
	return ast.Pos{Lineno: startLine(e), ColOffset: e.GetColOffset()}
}

// helperStmt is an added statement calling a helper.
func helperStmt(helper string, args ...ast.Expr) ast.Stmt {
	return &ast.ExprStmt{Value: callHelper(helper, ast.Pos{}, args...)}
}
