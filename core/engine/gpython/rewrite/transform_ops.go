package rewrite

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// gpython's VM runs operators through Go interfaces of its own types,
// which cannot be extended from outside: tuples and lists cannot be
// ordered, == and < ignore __eq__ and __lt__ written in Python, bytes
// cannot be indexed, sliced, repeated or searched for a sub-sequence with
// `in`, and str % formats in Go's syntax. Operator expressions that may
// meet such operands become calls of helpers that do what CPython does
// (package pyext) and fall back on gpython's operation otherwise:
//
//	a < b            →  __gowsgi_lt__(a, b)       (and le, eq, ne, gt, ge)
//	a < b < c        →  __gowsgi_lt__(a, b) and __gowsgi_lt__(b, c)
//	b'\r\n' in data  →  __gowsgi_in__(b'\r\n', data)
//	data[i]          →  __gowsgi_getitem__(data, i)
//	data[1:n]        →  __gowsgi_slice__(data, 1, n, None)
//	b'-' * n         →  __gowsgi_mul__(b'-', n)
//	'%s' % x         →  __gowsgi_mod__('%s', x)
//	a + (b,)         →  __gowsgi_add__(a, (b,))   (gpython's tuple + is broken)
//
// A helper call costs several times the native operation, so operands
// that decide the outcome statically keep gpython's operator: a number
// or str literal on either side of an ordering, any literal beside == or
// !=, a call of len(), int() and the like, a subscript by a str literal;
// `in` is rewritten only with a bytes literal operand or a display of
// values that are not all literals, * only with a bytes literal.

// compareHelpers names the helper of each comparison operator.
var compareHelpers = map[ast.CmpOp]string{
	ast.Lt: helperLt, ast.LtE: helperLe, ast.Eq: helperEq,
	ast.NotEq: helperNe, ast.Gt: helperGt, ast.GtE: helperGe,
	ast.In: helperIn, ast.NotIn: helperNotIn,
}

// numberFunctions are builtins whose result is a number.
var numberFunctions = map[ast.Identifier]bool{
	"len": true, "int": true, "float": true, "ord": true, "abs": true, "round": true, "hash": true, "id": true,
}

// compare rewrites a comparison whose operands are already rewritten.
func (t *transformer) compare(n *ast.Compare) ast.Expr {
	if len(n.Ops) == 1 {
		return comparePair(n, n.Left, n.Ops[0], n.Comparators[0])
	}
	// A chain evaluates its middle operands once; splitting it into
	// pairs repeats them, which only names and literals allow.
	for _, c := range n.Comparators[:len(n.Comparators)-1] {
		if !isRepeatable(c) {
			return n
		}
	}
	pairs := make([]ast.Expr, len(n.Ops))
	left := n.Left
	changed := false
	for i, op := range n.Ops {
		right := n.Comparators[i]
		pair := &ast.Compare{ExprBase: ast.ExprBase{Pos: posOf(left)}, Left: left, Ops: []ast.CmpOp{op}, Comparators: []ast.Expr{right}}
		pairs[i] = comparePair(pair, left, op, right)
		if _, native := pairs[i].(*ast.Compare); !native {
			changed = true
		}
		left = right
	}
	if !changed {
		return n
	}
	return &ast.BoolOp{ExprBase: ast.ExprBase{Pos: posOf(n)}, Op: ast.And, Values: pairs}
}

// comparePair is one comparison: n itself, or a helper call.
func comparePair(n *ast.Compare, left ast.Expr, op ast.CmpOp, right ast.Expr) ast.Expr {
	helper, ok := compareHelpers[op]
	if !ok || !needsCompareHelper(left, op, right) {
		return n
	}
	return callHelper(helper, posOf(n), left, right)
}

func needsCompareHelper(left ast.Expr, op ast.CmpOp, right ast.Expr) bool {
	switch op {
	case ast.In, ast.NotIn:
		return isBytesLiteral(left) || isBytesLiteral(right) || isDisplayOfValues(right)
	case ast.Eq, ast.NotEq:
		return !isLiteral(left) && !isLiteral(right) && !returnsNumber(left) && !returnsNumber(right)
	}
	return !isNumberOrStr(left) && !isNumberOrStr(right) && !returnsNumber(left) && !returnsNumber(right)
}

func isLiteral(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Num, *ast.Str, *ast.Bytes, *ast.NameConstant, *ast.Ellipsis:
		return true
	}
	return isSignedNumber(e)
}

func isNumberOrStr(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Num, *ast.Str:
		return true
	}
	return isSignedNumber(e)
}

func isSignedNumber(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryOp)
	if !ok || (u.Op != ast.USub && u.Op != ast.UAdd) {
		return false
	}
	_, ok = u.Operand.(*ast.Num)
	return ok
}

func isBytesLiteral(e ast.Expr) bool {
	_, ok := e.(*ast.Bytes)
	return ok
}

func returnsNumber(e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	f, ok := c.Func.(*ast.Name)
	return ok && numberFunctions[f.Id]
}

// isDisplayOfValues reports a list, tuple or set display holding
// something other than literals: gpython's `in` compares its items
// without the __eq__ a Python class defines.
func isDisplayOfValues(e ast.Expr) bool {
	var elts []ast.Expr
	switch n := e.(type) {
	case *ast.List:
		elts = n.Elts
	case *ast.Tuple:
		elts = n.Elts
	case *ast.Set:
		elts = n.Elts
	}
	for _, elt := range elts {
		if !isLiteral(elt) {
			return true
		}
	}
	return false
}

// isRepeatable reports an operand that may be evaluated twice.
func isRepeatable(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Name:
		return true
	case *ast.Tuple:
		return allRepeatable(n.Elts)
	case *ast.List:
		return allRepeatable(n.Elts)
	}
	return isLiteral(e)
}

func allRepeatable(list []ast.Expr) bool {
	for _, e := range list {
		if !isRepeatable(e) {
			return false
		}
	}
	return true
}

// subscript rewrites a subscript whose value is read.
func (t *transformer) subscript(n *ast.Subscript) ast.Expr {
	pos := posOf(n)
	switch s := n.Slice.(type) {
	case *ast.Index:
		// A str key never indexes bytes; anything else might.
		if _, isStr := s.Value.(*ast.Str); !isStr {
			return callHelper(helperGetItem, pos, n.Value, s.Value)
		}
	case *ast.Slice:
		part := func(e ast.Expr) ast.Expr {
			if e == nil {
				return &ast.NameConstant{ExprBase: ast.ExprBase{Pos: pos}, Value: py.None}
			}
			return e
		}
		return callHelper(helperSlice, pos, n.Value, part(s.Lower), part(s.Upper), part(s.Step))
	}
	return n
}

// binOp rewrites * with a bytes literal, % that may format a str, and +
// that may concatenate tuples.
func (t *transformer) binOp(n *ast.BinOp) ast.Expr {
	switch n.Op {
	case ast.Add:
		if isTupleDisplay(n.Left) || isTupleDisplay(n.Right) || (!isKnownStr(n.Left) && !isKnownStr(n.Right) &&
			!isLiteral(n.Left) && !isLiteral(n.Right)) {
			return callHelper(helperAdd, posOf(n), n.Left, n.Right)
		}
	case ast.Mult:
		if isBytesLiteral(n.Left) || isBytesLiteral(n.Right) {
			return callHelper(helperMul, posOf(n), n.Left, n.Right)
		}
	case ast.Modulo:
		_, strLeft := n.Left.(*ast.Str)
		if strLeft || (!isNumberOrStr(n.Left) && !isNumberOrStr(n.Right) && !returnsNumber(n.Left)) {
			return callHelper(helperMod, posOf(n), n.Left, n.Right)
		}
	}
	return n
}

// isKnownStr reports an expression whose value is a str: a literal, or
// a replacement field of an expanded f-string.
func isKnownStr(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Str:
		return true
	case *ast.Call:
		f, ok := n.Func.(*ast.Name)
		return ok && (f.Id == helperFormat || f.Id == "str")
	case *ast.BinOp:
		return n.Op == ast.Add && (isKnownStr(n.Left) || isKnownStr(n.Right))
	}
	return false
}

func isTupleDisplay(e ast.Expr) bool {
	_, ok := e.(*ast.Tuple)
	return ok
}

// augAssign rewrites += on a name or an attribute of a name, which
// gpython's tuple += gets wrong, unless the value is a number or str
// literal or the name is one its scope sets to a number or a str (a
// counter or an accumulator: total = 0 ... total += x), so that the loops
// that count cost nothing more.
//
//	t += (x,)          →   t = __gowsgi_iadd__(t, (x,))
//	self.items += xs   →   self.items = __gowsgi_iadd__(self.items, xs)
func (t *transformer) augAssign(n *ast.AugAssign) ast.Stmt {
	if n.Op != ast.Add || !isSimpleTarget(n.Target) || isLiteral(n.Value) || isKnownStr(n.Value) {
		return n
	}
	if name, isName := n.Target.(*ast.Name); isName && t.scalars[name.Id] && !isTupleDisplay(n.Value) {
		return n
	}
	load := loadOf(n.Target)
	store := n.Target
	value := callHelper(helperIAdd, posOf(n.Value), load, n.Value)
	return &ast.Assign{StmtBase: n.StmtBase, Targets: []ast.Expr{store}, Value: value}
}

func isSimpleTarget(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		return true
	case *ast.Attribute:
		_, ok := x.Value.(*ast.Name)
		return ok
	}
	return false
}

// loadOf is a copy of a simple target that reads it.
func loadOf(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Name:
		return &ast.Name{ExprBase: x.ExprBase, Id: x.Id, Ctx: ast.Load}
	case *ast.Attribute:
		return &ast.Attribute{ExprBase: x.ExprBase, Value: loadOf(x.Value), Attr: x.Attr, Ctx: ast.Load}
	}
	return e
}

// scalarNames are the names that body (a module's or a function's,
// without the functions and classes it defines) assigns a number or str
// literal, or loops over a range with.
func scalarNames(body []ast.Stmt) map[ast.Identifier]bool {
	names := map[ast.Identifier]bool{}
	var walk func(list []ast.Stmt)
	walk = func(list []ast.Stmt) {
		for _, s := range list {
			switch n := s.(type) {
			case *ast.Assign:
				if isNumberOrStr(n.Value) {
					for _, target := range n.Targets {
						if name, ok := target.(*ast.Name); ok {
							names[name.Id] = true
						}
					}
				}
			case *ast.For:
				if name, ok := n.Target.(*ast.Name); ok {
					if call, ok := n.Iter.(*ast.Call); ok {
						if f, ok := call.Func.(*ast.Name); ok && f.Id == "range" {
							names[name.Id] = true
						}
					}
				}
				walk(n.Body)
				walk(n.Orelse)
			case *ast.While:
				walk(n.Body)
				walk(n.Orelse)
			case *ast.If:
				walk(n.Body)
				walk(n.Orelse)
			case *ast.With:
				walk(n.Body)
			case *ast.Try:
				walk(n.Body)
				for _, h := range n.Handlers {
					walk(h.Body)
				}
				walk(n.Orelse)
				walk(n.Finalbody)
			}
		}
	}
	walk(body)
	return names
}
