package rewrite

import (
	"fmt"

	"github.com/go-python/gpython/ast"
)

// gpython's sys.exc_info raises NotImplementedError and keeps no record
// of the exception being handled that Go code could read. So each except
// handler reports its exception to a per-context stack that the
// replacement sys.exc_info reads:
//
//	except E as e:              except E as e:
//	    body            →           try:
//	                                    e = __gowsgi_exc_enter__(e); body
//	                                finally: __gowsgi_exc_leave__()
//
// A handler without "as" gets a generated name. A bare raise outside any
// handler of its function (in a helper called from a handler) re-raises
// what the stack holds, as CPython does, instead of failing.
//
// gpython raises only its own exception objects, which cannot hold the
// attributes of an instance of `class NotFound(Exception)`; so what a
// raise statement raises passes through __gowsgi_raise__, which puts
// such an instance in one of gpython's exception objects, and the
// handler's __gowsgi_exc_enter__ gives the instance back (pyext.Raisable,
// pyext.Caught).

func (t *transformer) try(n *ast.Try) {
	t.stmts(n.Body)
	for i, h := range n.Handlers {
		if h.ExprType != nil {
			h.ExprType = t.expr(h.ExprType)
		}
		t.handlers++
		t.stmts(h.Body)
		t.handlers--
		// A bare except that is not last is a SyntaxError the compiler
		// must still see, so that handler stays as written.
		if h.ExprType != nil || i == len(n.Handlers)-1 {
			t.recordHandler(h)
		}
	}
	t.stmts(n.Orelse)
	t.stmts(n.Finalbody)
}

// recordHandler wraps a handler's body so the runtime knows the
// exception it handles while it runs.
func (t *transformer) recordHandler(h *ast.ExceptHandler) {
	if h.ExprType == nil {
		// "except:" cannot bind a name; this catches the same.
		h.ExprType = name("BaseException", ast.Pos{})
	}
	if h.Name == "" {
		t.excNames++
		h.Name = ast.Identifier(fmt.Sprintf("%s%d__", excNamePrefix, t.excNames))
	}
	enter := &ast.Assign{
		Targets: []ast.Expr{&ast.Name{Id: h.Name, Ctx: ast.Store}},
		Value:   callHelper(helperExcEnter, ast.Pos{}, name(string(h.Name), ast.Pos{})),
	}
	body := append([]ast.Stmt{enter}, h.Body...)
	h.Body = []ast.Stmt{&ast.Try{
		Body:      body,
		Finalbody: []ast.Stmt{helperStmt(helperExcLeave)},
	}}
}

func (t *transformer) raise(n *ast.Raise) {
	if n.Exc == nil {
		if t.handlers == 0 {
			n.Exc = callHelper(helperExcCurrent, n.Pos)
		}
		return
	}
	n.Exc = callHelper(helperRaise, posOf(n.Exc), t.expr(n.Exc))
	if n.Cause != nil {
		n.Cause = callHelper(helperRaise, posOf(n.Cause), t.expr(n.Cause))
	}
}
