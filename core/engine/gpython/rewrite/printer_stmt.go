package rewrite

import (
	"strings"

	"github.com/go-python/gpython/ast"
)

// stmts prints a statement list. Simple statements the rewrite added
// (line 0) share the line of the next simple statement, so they add no
// line where they can help it.
func (p *printer) stmts(list []ast.Stmt) {
	var pending []ast.Stmt
	joinable := false // the last statement was simple: "a = 1; b = 2" may go on
	for _, s := range list {
		simple := isSimple(s)
		switch {
		case simple && s.GetLineno() == 0:
			pending = append(pending, s)
		case simple:
			if joinable && len(pending) == 0 && s.GetLineno() == p.sourceLine() {
				p.write("; ")
			} else {
				p.startStatement(s.GetLineno())
			}
			for _, g := range pending {
				p.simple(g)
				p.write("; ")
			}
			pending = nil
			p.simple(s)
		default:
			p.flush(pending)
			pending = nil
			p.compound(s)
		}
		joinable = simple
	}
	p.flush(pending)
}

// flush prints added statements that found no line to share.
func (p *printer) flush(pending []ast.Stmt) {
	if len(pending) == 0 {
		return
	}
	p.startStatement(0)
	for i, g := range pending {
		if i > 0 {
			p.write("; ")
		}
		p.simple(g)
	}
}

func isSimple(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.FunctionDef, *ast.ClassDef, *ast.If, *ast.For, *ast.While, *ast.With, *ast.Try:
		return false
	}
	return true
}

// block prints the body of a compound statement whose header ends with
// ":". A body of simple statements written on the header's line stays
// there.
func (p *printer) block(body []ast.Stmt) {
	if len(body) == 0 {
		failf("empty block")
	}
	if p.inlineable(body) {
		p.write(" ")
		for i, s := range body {
			if i > 0 {
				p.write("; ")
			}
			p.simple(s)
		}
		return
	}
	p.indent += 4
	p.stmts(body)
	p.indent -= 4
}

func (p *printer) inlineable(body []ast.Stmt) bool {
	for _, s := range body {
		if !isSimple(s) || s.GetLineno() > p.sourceLine() {
			return false
		}
	}
	return true
}

// clause prints "else:" or "finally:", whose own line the AST does not
// keep: on the line before its body, or on the body's line when the body
// sits there.
func (p *printer) clause(keyword string, body []ast.Stmt) {
	p.startClause(body)
	p.write(keyword + ":")
	p.block(body)
}

// startClause starts a clause header whose line is not known.
func (p *printer) startClause(body []ast.Stmt) {
	first := firstLine(body)
	if first > 0 && first-1 > p.sourceLine() {
		p.startStatement(first - 1)
	} else {
		p.startStatement(first)
	}
}

// firstLine is the source line of the first statement of body that has
// one, looking into the try statements the rewrite wraps bodies in.
func firstLine(body []ast.Stmt) int {
	for _, s := range body {
		if l := s.GetLineno(); l > 0 {
			return l
		}
		if try, ok := s.(*ast.Try); ok {
			if l := firstLine(try.Body); l > 0 {
				return l
			}
		}
	}
	return 0
}

func (p *printer) compound(s ast.Stmt) {
	switch n := s.(type) {
	case *ast.FunctionDef:
		p.decorators(n.DecoratorList)
		p.startStatement(n.Lineno)
		p.write("def " + string(n.Name) + "(")
		p.arguments(n.Args, true)
		p.write(")")
		if n.Returns != nil {
			p.write(" -> ")
			p.expr(n.Returns, precLambda)
		}
		p.write(":")
		p.block(n.Body)
	case *ast.ClassDef:
		p.decorators(n.DecoratorList)
		p.startStatement(n.Lineno)
		p.write("class " + string(n.Name))
		if len(n.Bases) > 0 || len(n.Keywords) > 0 || n.Starargs != nil || n.Kwargs != nil {
			p.write("(")
			p.callArguments(n.Bases, n.Keywords, n.Starargs, n.Kwargs)
			p.write(")")
		}
		p.write(":")
		p.block(n.Body)
	case *ast.If:
		p.startStatement(n.Lineno)
		p.ifChain("if ", n)
	case *ast.For:
		p.startStatement(n.Lineno)
		p.write("for ")
		p.expr(n.Target, precTuple)
		p.write(" in ")
		p.expr(n.Iter, precTuple)
		p.write(":")
		p.block(n.Body)
		if len(n.Orelse) > 0 {
			p.clause("else", n.Orelse)
		}
	case *ast.While:
		p.startStatement(n.Lineno)
		p.write("while ")
		p.expr(n.Test, precLambda)
		p.write(":")
		p.block(n.Body)
		if len(n.Orelse) > 0 {
			p.clause("else", n.Orelse)
		}
	case *ast.With:
		p.startStatement(n.Lineno)
		p.write("with ")
		for i, item := range n.Items {
			if i > 0 {
				p.write(", ")
			}
			p.expr(item.ContextExpr, precLambda)
			if item.OptionalVars != nil {
				p.write(" as ")
				p.expr(item.OptionalVars, precTuple)
			}
		}
		p.write(":")
		p.block(n.Body)
	case *ast.Try:
		p.try(n)
	default:
		failf("unknown statement %T", s)
	}
}

// ifChain prints an if statement and its elif/else clauses.
func (p *printer) ifChain(keyword string, n *ast.If) {
	p.write(keyword)
	p.expr(n.Test, precLambda)
	p.write(":")
	p.block(n.Body)
	if len(n.Orelse) == 1 {
		// gpython's parser gives an elif no position of its own: its
		// test's line is where it starts.
		if elif, ok := n.Orelse[0].(*ast.If); ok && exprLine(elif.Test) > 0 {
			p.startStatement(exprLine(elif.Test))
			p.ifChain("elif ", elif)
			return
		}
	}
	if len(n.Orelse) > 0 {
		p.clause("else", n.Orelse)
	}
}

func (p *printer) try(n *ast.Try) {
	p.startStatement(n.Lineno)
	p.write("try:")
	p.block(n.Body)
	for _, h := range n.Handlers {
		// gpython's parser gives a handler the position of the statement
		// before it; its exception type tells its line.
		if h.ExprType != nil && exprLine(h.ExprType) > 0 {
			p.startStatement(exprLine(h.ExprType))
		} else {
			p.startClause(h.Body)
		}
		p.write("except")
		if h.ExprType != nil {
			p.write(" ")
			p.expr(h.ExprType, precLambda)
			if h.Name != "" {
				p.write(" as " + string(h.Name))
			}
		}
		p.write(":")
		p.block(h.Body)
	}
	if len(n.Orelse) > 0 {
		p.clause("else", n.Orelse)
	}
	if len(n.Finalbody) > 0 {
		p.clause("finally", n.Finalbody)
	}
}

func (p *printer) decorators(list []ast.Expr) {
	for _, d := range list {
		// gpython's parser gives a decorator call a stale position; the
		// decorator's name has the line of the "@".
		name := d
		if call, ok := d.(*ast.Call); ok {
			name = call.Func
		}
		p.startStatement(name.GetLineno())
		p.write("@")
		p.bareAt(d, name.GetLineno())
	}
}

// exprLine is the line where e starts.
func exprLine(e ast.Expr) int { return startLine(e) }

// simple prints a simple statement where the output is.
func (p *printer) simple(s ast.Stmt) {
	p.atLine(s.GetLineno())
	switch n := s.(type) {
	case *ast.ExprStmt:
		p.expr(n.Value, precTuple)
	case *ast.Assign:
		for _, t := range n.Targets {
			p.expr(t, precTuple)
			p.write(" = ")
		}
		p.expr(n.Value, precTuple)
	case *ast.AugAssign:
		p.expr(n.Target, precTuple)
		p.write(" " + binaryOperators[n.Op].text + "= ")
		p.expr(n.Value, precTuple)
	case *ast.Return:
		p.write("return")
		if n.Value != nil {
			p.write(" ")
			p.expr(n.Value, precTuple)
		}
	case *ast.Delete:
		p.write("del ")
		p.exprList(n.Targets, precTuple)
	case *ast.Pass:
		p.write("pass")
	case *ast.Break:
		p.write("break")
	case *ast.Continue:
		p.write("continue")
	case *ast.Raise:
		p.write("raise")
		if n.Exc != nil {
			p.write(" ")
			p.expr(n.Exc, precLambda)
			if n.Cause != nil {
				p.write(" from ")
				p.expr(n.Cause, precLambda)
			}
		}
	case *ast.Global:
		p.write("global " + joinIdentifiers(n.Names))
	case *ast.Nonlocal:
		p.write("nonlocal " + joinIdentifiers(n.Names))
	case *ast.Assert:
		p.write("assert ")
		p.expr(n.Test, precLambda)
		if n.Msg != nil {
			p.write(", ")
			p.expr(n.Msg, precLambda)
		}
	case *ast.Import:
		p.write("import " + joinAliases(n.Names))
	case *ast.ImportFrom:
		p.write("from " + strings.Repeat(".", n.Level) + string(n.Module) + " import " + joinAliases(n.Names))
	default:
		failf("unknown statement %T", s)
	}
}

func joinIdentifiers(names []ast.Identifier) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = string(n)
	}
	return strings.Join(parts, ", ")
}

func joinAliases(aliases []*ast.Alias) string {
	parts := make([]string, len(aliases))
	for i, a := range aliases {
		parts[i] = string(a.Name)
		if a.AsName != "" {
			parts[i] += " as " + string(a.AsName)
		}
	}
	return strings.Join(parts, ", ")
}

// arguments prints a parameter list; annotations only for def.
func (p *printer) arguments(a *ast.Arguments, annotations bool) {
	if a == nil {
		return
	}
	sep := func(first *bool) {
		if !*first {
			p.write(", ")
		}
		*first = false
	}
	first := true
	defaultsFrom := len(a.Args) - len(a.Defaults)
	for i, arg := range a.Args {
		sep(&first)
		p.arg(arg, annotations)
		if i >= defaultsFrom {
			p.write("=")
			p.expr(a.Defaults[i-defaultsFrom], precLambda)
		}
	}
	if a.Vararg != nil {
		sep(&first)
		p.write("*")
		p.arg(a.Vararg, annotations)
	} else if len(a.Kwonlyargs) > 0 {
		sep(&first)
		p.write("*")
	}
	for i, arg := range a.Kwonlyargs {
		sep(&first)
		p.arg(arg, annotations)
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			p.write("=")
			p.expr(a.KwDefaults[i], precLambda)
		}
	}
	if a.Kwarg != nil {
		sep(&first)
		p.write("**")
		p.arg(a.Kwarg, annotations)
	}
}

func (p *printer) arg(a *ast.Arg, annotations bool) {
	p.atLine(a.Lineno)
	p.write(string(a.Arg))
	if annotations && a.Annotation != nil {
		p.write(": ")
		p.expr(a.Annotation, precLambda)
	}
}
