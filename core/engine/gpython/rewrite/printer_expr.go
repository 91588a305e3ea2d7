package rewrite

import (
	"math/big"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// Operator precedence, loosest first. An operand whose precedence is
// below what its place needs is parenthesised.
const (
	precTuple   = iota // anything: a statement's expression
	precLambda         // "test": call arguments, list items, defaults
	precIfExp          //
	precOr             // "or_test": comprehension iterables and conditions
	precAnd            //
	precNot            //
	precCompare        //
	precBitOr          // "expr": starred targets
	precBitXor         //
	precBitAnd         //
	precShift          //
	precArith          //
	precTerm           //
	precUnary          // operand of unary minus, right side of **
	precPower          //
	precPrimary        // called, subscripted, attribute owner, left side of **
	precAtom           //
)

type operator struct {
	text string
	prec int
}

var binaryOperators = map[ast.OperatorNumber]operator{
	ast.Add: {"+", precArith}, ast.Sub: {"-", precArith},
	ast.Mult: {"*", precTerm}, ast.Div: {"/", precTerm}, ast.Modulo: {"%", precTerm}, ast.FloorDiv: {"//", precTerm},
	ast.Pow:    {"**", precPower},
	ast.LShift: {"<<", precShift}, ast.RShift: {">>", precShift},
	ast.BitOr: {"|", precBitOr}, ast.BitXor: {"^", precBitXor}, ast.BitAnd: {"&", precBitAnd},
}

var unaryOperators = map[ast.UnaryOpNumber]string{
	ast.Invert: "~", ast.Not: "not ", ast.UAdd: "+", ast.USub: "-",
}

var comparisons = map[ast.CmpOp]string{
	ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
	ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
}

// precedence is how tightly e binds.
func precedence(e ast.Expr) int {
	switch n := e.(type) {
	case *ast.Lambda:
		return precLambda
	case *ast.IfExp:
		return precIfExp
	case *ast.BoolOp:
		if n.Op == ast.Or {
			return precOr
		}
		return precAnd
	case *ast.UnaryOp:
		if n.Op == ast.Not {
			return precNot
		}
		return precUnary
	case *ast.Compare:
		return precCompare
	case *ast.BinOp:
		return binaryOperators[n.Op].prec
	case *ast.Call, *ast.Attribute, *ast.Subscript:
		return precPrimary
	case *ast.Num:
		if isNegative(n.N) {
			return precUnary
		}
	case *ast.Yield, *ast.YieldFrom:
		return precTuple
	case *ast.Starred:
		return precBitOr
	}
	return precAtom
}

func isNegative(n py.Object) bool {
	switch v := n.(type) {
	case py.Int:
		return v < 0
	case *py.BigInt:
		return (*big.Int)(v).Sign() < 0
	case py.Float:
		return v < 0
	}
	return false
}

// expr prints e where it needs at least precedence min, on e's line.
func (p *printer) expr(e ast.Expr, min int) {
	p.atLine(startLine(e))
	prec := precedence(e)
	switch e.(type) {
	case *ast.Yield, *ast.YieldFrom:
		min = precAtom // always parenthesised, which is valid everywhere
	}
	if prec < min {
		p.write("(")
		p.bare(e)
		p.write(")")
		return
	}
	p.bare(e)
}

// bareAt prints e as if it started on line, whatever position e has.
func (p *printer) bareAt(e ast.Expr, line int) {
	p.atLine(line)
	p.bare(e)
}

// startLine is the line where e starts. gpython's parser places some
// nodes (dict displays, decorator calls) where they end or nowhere, so
// the leftmost child, which cannot start later, is consulted too.
func startLine(e ast.Expr) int {
	line := e.GetLineno()
	var first ast.Expr
	switch n := e.(type) {
	case *ast.Dict:
		if len(n.Keys) > 0 {
			first = n.Keys[0]
		}
	case *ast.Set:
		first = firstOf(n.Elts)
	case *ast.List:
		first = firstOf(n.Elts)
	case *ast.Tuple:
		first = firstOf(n.Elts)
	case *ast.ListComp:
		first = n.Elt
	case *ast.SetComp:
		first = n.Elt
	case *ast.GeneratorExp:
		first = n.Elt
	case *ast.DictComp:
		first = n.Key
	case *ast.BinOp:
		first = n.Left
	case *ast.BoolOp:
		first = firstOf(n.Values)
	case *ast.Compare:
		first = n.Left
	case *ast.Call:
		first = n.Func
	case *ast.Attribute:
		first = n.Value
	case *ast.Subscript:
		first = n.Value
	case *ast.IfExp:
		first = n.Body
	}
	if first != nil {
		if l := startLine(first); l > 0 && (line == 0 || l < line) {
			line = l
		}
	}
	return line
}

func firstOf(list []ast.Expr) ast.Expr {
	if len(list) == 0 {
		return nil
	}
	return list[0]
}

func (p *printer) exprList(list []ast.Expr, min int) {
	for i, e := range list {
		if i > 0 {
			p.write(", ")
		}
		p.expr(e, min)
	}
}

// bare prints e without parentheses of its own.
func (p *printer) bare(e ast.Expr) {
	switch n := e.(type) {
	case *ast.BoolOp:
		op, min := " and ", precNot
		if n.Op == ast.Or {
			op, min = " or ", precAnd
		}
		for i, v := range n.Values {
			if i > 0 {
				p.write(op)
			}
			p.expr(v, min)
		}
	case *ast.BinOp:
		op := binaryOperators[n.Op]
		left, right := op.prec, op.prec+1
		if n.Op == ast.Pow {
			left, right = precPrimary, precUnary
		}
		p.expr(n.Left, left)
		p.write(" " + op.text + " ")
		p.expr(n.Right, right)
	case *ast.UnaryOp:
		p.write(unaryOperators[n.Op])
		if n.Op == ast.Not {
			p.expr(n.Operand, precNot)
		} else {
			p.expr(n.Operand, precUnary)
		}
	case *ast.Lambda:
		p.write("lambda")
		if hasArguments(n.Args) {
			p.write(" ")
			p.arguments(n.Args, false)
		}
		p.write(": ")
		p.expr(n.Body, precLambda)
	case *ast.IfExp:
		p.expr(n.Body, precOr)
		p.write(" if ")
		p.expr(n.Test, precOr)
		p.write(" else ")
		p.expr(n.Orelse, precLambda)
	case *ast.Dict:
		p.write("{")
		for i := range n.Keys {
			if i > 0 {
				p.write(", ")
			}
			p.expr(n.Keys[i], precLambda)
			p.write(": ")
			p.expr(n.Values[i], precLambda)
		}
		p.write("}")
	case *ast.Set:
		p.write("{")
		p.exprList(n.Elts, precLambda)
		p.write("}")
	case *ast.ListComp:
		p.write("[")
		p.expr(n.Elt, precLambda)
		p.comprehensions(n.Generators)
		p.write("]")
	case *ast.SetComp:
		p.write("{")
		p.expr(n.Elt, precLambda)
		p.comprehensions(n.Generators)
		p.write("}")
	case *ast.DictComp:
		p.write("{")
		p.expr(n.Key, precLambda)
		p.write(": ")
		p.expr(n.Value, precLambda)
		p.comprehensions(n.Generators)
		p.write("}")
	case *ast.GeneratorExp:
		p.write("(")
		p.expr(n.Elt, precLambda)
		p.comprehensions(n.Generators)
		p.write(")")
	case *ast.Yield:
		p.write("yield")
		if n.Value != nil {
			p.write(" ")
			p.expr(n.Value, precTuple)
		}
	case *ast.YieldFrom:
		p.write("yield from ")
		p.expr(n.Value, precLambda)
	case *ast.Compare:
		p.expr(n.Left, precBitOr)
		for i, op := range n.Ops {
			p.write(" " + comparisons[op] + " ")
			p.expr(n.Comparators[i], precBitOr)
		}
	case *ast.Call:
		p.expr(n.Func, precPrimary)
		p.write("(")
		p.callArguments(n.Args, n.Keywords, n.Starargs, n.Kwargs)
		p.write(")")
	case *ast.Num:
		s, err := numberLiteral(n.N)
		if err != nil {
			failf("%v", err)
		}
		p.write(s)
	case *ast.Str:
		p.write(strLiteral(string(n.S)))
	case *ast.Bytes:
		p.write(bytesLiteral(n.S))
	case *ast.NameConstant:
		p.write(nameConstant(n.Value))
	case *ast.Ellipsis:
		p.write("...")
	case *ast.Attribute:
		if _, isNum := n.Value.(*ast.Num); isNum {
			p.at(n.Value)
			p.write("(")
			p.bare(n.Value)
			p.write(")")
		} else {
			p.expr(n.Value, precPrimary)
		}
		p.write("." + string(n.Attr))
	case *ast.Subscript:
		p.expr(n.Value, precPrimary)
		p.write("[")
		p.slice(n.Slice)
		p.write("]")
	case *ast.Starred:
		p.write("*")
		p.expr(n.Value, precBitOr)
	case *ast.Name:
		p.write(string(n.Id))
	case *ast.List:
		p.write("[")
		p.exprList(n.Elts, precLambda)
		p.write("]")
	case *ast.Tuple:
		p.write("(")
		p.exprList(n.Elts, precLambda)
		if len(n.Elts) == 1 {
			p.write(",")
		}
		p.write(")")
	default:
		failf("unknown expression %T", e)
	}
}

func hasArguments(a *ast.Arguments) bool {
	return a != nil && (len(a.Args) > 0 || a.Vararg != nil || len(a.Kwonlyargs) > 0 || a.Kwarg != nil)
}

func nameConstant(v ast.Singleton) string {
	switch v {
	case py.True:
		return "True"
	case py.False:
		return "False"
	case py.None:
		return "None"
	}
	failf("unknown name constant %v", v)
	return ""
}

func (p *printer) comprehensions(gens []ast.Comprehension) {
	for _, g := range gens {
		p.write(" for ")
		p.expr(g.Target, precTuple)
		p.write(" in ")
		p.expr(g.Iter, precOr)
		for _, cond := range g.Ifs {
			p.write(" if ")
			p.expr(cond, precOr)
		}
	}
}

// callArguments prints the arguments of a call or the bases of a class.
// *args goes where the source had it among the keywords, **kwargs last,
// as the 3.4 grammar requires.
func (p *printer) callArguments(args []ast.Expr, keywords []*ast.Keyword, starargs, kwargs ast.Expr) {
	first := true
	sep := func() {
		if !first {
			p.write(", ")
		}
		first = false
	}
	for _, a := range args {
		sep()
		p.expr(a, precLambda)
	}
	starDone := starargs == nil
	for _, k := range keywords {
		if !starDone && before(starargs, k.Value) {
			sep()
			p.write("*")
			p.expr(starargs, precLambda)
			starDone = true
		}
		sep()
		p.atLine(k.Value.GetLineno())
		p.write(string(k.Arg) + "=")
		p.expr(k.Value, precLambda)
	}
	if !starDone {
		sep()
		p.write("*")
		p.expr(starargs, precLambda)
	}
	if kwargs != nil {
		sep()
		p.write("**")
		p.expr(kwargs, precLambda)
	}
}

// before reports whether a starts before b in the source.
func before(a, b ast.Ast) bool {
	if a.GetLineno() != b.GetLineno() {
		return a.GetLineno() < b.GetLineno()
	}
	return a.GetColOffset() < b.GetColOffset()
}

func (p *printer) slice(s ast.Slicer) {
	switch n := s.(type) {
	case *ast.Index:
		p.expr(n.Value, precTuple)
	case *ast.Slice:
		if n.Lower != nil {
			p.expr(n.Lower, precLambda)
		}
		p.write(":")
		if n.Upper != nil {
			p.expr(n.Upper, precLambda)
		}
		if n.Step != nil {
			p.write(":")
			p.expr(n.Step, precLambda)
		}
	case *ast.ExtSlice:
		for i, d := range n.Dims {
			if i > 0 {
				p.write(", ")
			}
			p.slice(d)
		}
		if len(n.Dims) == 1 {
			p.write(",")
		}
	default:
		failf("unknown slice %T", s)
	}
}
