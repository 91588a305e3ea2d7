package rewrite

import (
	"github.com/go-python/gpython/ast"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// gpython has no super; package pyext adds super(cls, obj). The
// zero-argument form that methods use finds its two arguments from the
// method it is written in: the class cell the compiler already makes for
// a method that names super, and the method's first parameter:
//
//	def method(self, x):              def method(self, x):
//	    super().method(x)       →         super(__class__, self).method(x)

// instanceArgument names a method's first parameter, nil for a method
// without one (where super() fails, as in CPython).
func instanceArgument(a *ast.Arguments) ast.Expr {
	if a == nil || len(a.Args) == 0 {
		return nil
	}
	return name(string(a.Args[0].Arg), ast.Pos{})
}

// zeroArgumentSuper fills in the arguments of super() in a method.
func (t *transformer) zeroArgumentSuper(n *ast.Call) {
	f, ok := n.Func.(*ast.Name)
	if !ok || f.Id != "super" || t.method == nil ||
		len(n.Args) > 0 || len(n.Keywords) > 0 || n.Starargs != nil || n.Kwargs != nil {
		return
	}
	pos := posOf(n)
	n.Args = []ast.Expr{name("__class__", pos), withPos(t.method, pos)}
}

// withPos copies a generated name to pos.
func withPos(e ast.Expr, pos ast.Pos) ast.Expr {
	if x, ok := e.(*ast.Name); ok {
		return name(string(x.Id), pos)
	}
	return e
}

// gpython refuses to make a class whose body defines __slots__. The body
// stores them under another name, which pyext turns back into __slots__
// once the class exists:
//
//	__slots__ = ('x', 'y')   →   __gowsgi_slots__ = ('x', 'y')
func renameSlots(body []ast.Stmt) {
	for _, s := range body {
		a, ok := s.(*ast.Assign)
		if !ok {
			continue
		}
		for i, target := range a.Targets {
			if n, ok := target.(*ast.Name); ok && n.Id == "__slots__" {
				a.Targets[i] = &ast.Name{ExprBase: n.ExprBase, Id: pyext.SlotsStandIn, Ctx: n.Ctx}
			}
		}
	}
}
