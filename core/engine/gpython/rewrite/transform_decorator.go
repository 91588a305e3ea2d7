package rewrite

import (
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// gpython's parser reads a dotted decorator (@app.route("/")) as one name
// "app.route", which then fails with a NameError, and the 3.4 grammar
// allows nothing but a dotted name after "@". So such a decorator is
// passed through a helper that returns its argument, where the attribute
// lookups can be written:
//
//	@app.route("/")   →   @__gowsgi_decorator__(app.route("/"))

func (t *transformer) decorators(list []ast.Expr) {
	for i, d := range list {
		if fixed, ok := undottedDecorator(d); ok {
			list[i] = callHelper(helperDecorator, posOf(d), fixed)
		}
	}
	t.exprs(list)
}

// undottedDecorator returns d with its dotted name made attribute
// lookups; ok is false when d has no dotted name.
func undottedDecorator(d ast.Expr) (ast.Expr, bool) {
	switch n := d.(type) {
	case *ast.Name:
		if strings.Contains(string(n.Id), ".") {
			return dottedName(n), true
		}
	case *ast.Call:
		if f, ok := n.Func.(*ast.Name); ok && strings.Contains(string(f.Id), ".") {
			n.Func = dottedName(f)
			return n, true
		}
	}
	return d, false
}

// dottedName turns a name like "a.b.c" into a.b.c.
func dottedName(n *ast.Name) ast.Expr {
	parts := strings.Split(string(n.Id), ".")
	var e ast.Expr = name(parts[0], n.Pos)
	for _, attr := range parts[1:] {
		e = &ast.Attribute{ExprBase: ast.ExprBase{Pos: n.Pos}, Value: e, Attr: ast.Identifier(attr), Ctx: ast.Load}
	}
	return e
}

// decoratorHelper is __gowsgi_decorator__(d): d itself.
func decoratorHelper(_, d py.Object) (py.Object, error) { return d, nil }
