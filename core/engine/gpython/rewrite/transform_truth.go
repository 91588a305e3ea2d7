package rewrite

import (
	"github.com/go-python/gpython/ast"
)

// gpython takes any object without a Go __bool__ or __len__ for true: an
// empty bytes (so `if not chunk: break` never ends) and instances of
// classes that define __bool__ or __len__. Truth tests are therefore
// routed through a helper with Python's rules, except where the value is
// known to be tested correctly (a comparison, a literal, a not), which
// keeps the cost to one call per test where it matters.
//
// and/or return an operand, not a bool, so an operand that is not known
// safe is passed through __gowsgi_operand__, which returns it unchanged
// unless it is false by Python's rules but true for gpython; then it
// returns a false stand-in. `a or b` never returns a non-last operand
// that is false, so the stand-in is never seen; `a and b` may, so its
// value passes through __gowsgi_and_result__, which swaps the stand-in
// back for the operand.

// test rewrites e, used as a truth test (if, while, assert, not, a
// conditional expression's test, a comprehension's condition).
func (t *transformer) test(e ast.Expr) ast.Expr {
	switch n := e.(type) {
	case *ast.BoolOp:
		for i, v := range n.Values {
			n.Values[i] = t.test(v)
		}
		return n
	case *ast.UnaryOp:
		if n.Op == ast.Not {
			n.Operand = t.test(n.Operand)
			return n
		}
	}
	e = t.expr(e)
	if testedCorrectly(e) {
		return e
	}
	return callHelper(helperTruth, posOf(e), e)
}

// boolOpValue rewrites an and/or whose value is used.
func (t *transformer) boolOpValue(n *ast.BoolOp) ast.Expr {
	wrapped := false
	last := len(n.Values) - 1
	for i, v := range n.Values {
		v = t.expr(v)
		if i < last && !testedCorrectly(v) {
			v = callHelper(helperOperand, posOf(v), v)
			wrapped = true
		}
		n.Values[i] = v
	}
	if n.Op == ast.And && wrapped {
		return callHelper(helperAndResult, posOf(n), n)
	}
	return n
}

// boolResultFunctions are builtins that return a bool or an int.
var boolResultFunctions = map[string]bool{
	"isinstance": true, "issubclass": true, "hasattr": true, "callable": true,
	"len": true, "any": true, "all": true,
}

// boolResultMethods are methods of str and bytes that return a bool.
var boolResultMethods = map[string]bool{
	"startswith": true, "endswith": true, "isalnum": true, "isalpha": true, "isascii": true,
	"isdecimal": true, "isdigit": true, "isidentifier": true, "islower": true,
	"isnumeric": true, "isprintable": true, "isspace": true, "istitle": true, "isupper": true,
}

// testedCorrectly reports whether gpython's own truth test of e's value
// is Python's: e cannot be an empty bytes or an instance of a class.
func testedCorrectly(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Compare, *ast.NameConstant, *ast.Num, *ast.Str,
		*ast.List, *ast.Tuple, *ast.Set, *ast.ListComp, *ast.SetComp, *ast.GeneratorExp, *ast.Lambda:
		return true
	case *ast.UnaryOp:
		return n.Op == ast.Not
	case *ast.BoolOp:
		for _, v := range n.Values {
			if !testedCorrectly(v) {
				return false
			}
		}
		return true
	case *ast.Call:
		return isHelperCall(n) || returnsBool(n)
	}
	return false
}

// isHelperCall reports a call the rewrite made whose result gpython tests
// correctly: a truth value or an ordered dict.
func isHelperCall(n *ast.Call) bool {
	f, ok := n.Func.(*ast.Name)
	if !ok {
		return false
	}
	switch string(f.Id) {
	case helperTruth, helperDict, helperDictPairs, helperIterChecked,
		helperLt, helperLe, helperEq, helperNe, helperGt, helperGe, helperIn, helperNotIn:
		return true
	}
	return false
}

func returnsBool(n *ast.Call) bool {
	switch f := n.Func.(type) {
	case *ast.Name:
		return boolResultFunctions[string(f.Id)]
	case *ast.Attribute:
		return boolResultMethods[string(f.Attr)]
	}
	return false
}
