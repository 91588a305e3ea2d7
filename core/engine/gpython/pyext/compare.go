package pyext

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// gpython cannot order tuples or lists, nor call __lt__ or __eq__ defined
// on a Python class. Compare decides the six comparisons as CPython does;
// the rewriter routes comparison operators to it where gpython's own
// could answer wrongly, and sorted, min, max, list.sort and the searching
// methods use it too.

// CompareOp is one of the six rich comparisons.
type CompareOp int

const (
	OpLt CompareOp = iota
	OpLe
	OpEq
	OpNe
	OpGt
	OpGe
)

var compareOps = [...]struct {
	symbol, method, reflected string
	native                    func(a, b py.Object) (py.Object, error)
}{
	OpLt: {"<", "__lt__", "__gt__", py.Lt},
	OpLe: {"<=", "__le__", "__ge__", py.Le},
	OpEq: {"==", "__eq__", "__eq__", py.Eq},
	OpNe: {"!=", "__ne__", "__ne__", py.Ne},
	OpGt: {">", "__gt__", "__lt__", py.Gt},
	OpGe: {">=", "__ge__", "__le__", py.Ge},
}

// Compare is `a op b`.
func Compare(a, b py.Object, op CompareOp) (py.Object, error) {
	// The common cases first, and cheaply.
	switch x := a.(type) {
	case py.Int:
		if y, ok := b.(py.Int); ok {
			return py.NewBool(intCompare(int64(x), int64(y), op)), nil
		}
	case py.String:
		if y, ok := b.(py.String); ok {
			return py.NewBool(intCompare(int64(strings.Compare(string(x), string(y))), 0, op)), nil
		}
	}
	switch op {
	case OpEq:
		eq, err := equal(a, b)
		return py.NewBool(eq), err
	case OpNe:
		if res, found, err := callSpecial(a, "__ne__", b); found && (err != nil || res != py.NotImplemented) {
			return res, err
		}
		if res, found, err := callSpecial(b, "__ne__", a); found && (err != nil || res != py.NotImplemented) {
			return res, err
		}
		eq, err := equal(a, b)
		return py.NewBool(!eq), err
	}
	return order(boolAsInt(a), boolAsInt(b), op)
}

func intCompare(x, y int64, op CompareOp) bool {
	switch op {
	case OpLt:
		return x < y
	case OpLe:
		return x <= y
	case OpEq:
		return x == y
	case OpNe:
		return x != y
	case OpGt:
		return x > y
	}
	return x >= y
}

// order is a <, <=, > or >= b.
func order(a, b py.Object, op CompareOp) (py.Object, error) {
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return sequenceOrder(x, y, op)
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return sequenceOrder(x.Items, y.Items, op)
		}
	}
	c := compareOps[op]
	if res, found, err := callSpecial(a, c.method, b); found && (err != nil || res != py.NotImplemented) {
		return res, err
	}
	if res, found, err := callSpecial(b, c.reflected, a); found && (err != nil || res != py.NotImplemented) {
		return res, err
	}
	_, aInst := asInstance(a)
	_, bInst := asInstance(b)
	if !aInst && !bInst {
		res, err := c.native(a, b)
		if err == nil || !py.IsException(py.TypeError, err) || !isGpythonOperandError(err) {
			return res, err
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'",
		c.symbol, typeName(a), typeName(b))
}

// isGpythonOperandError tells gpython's "unsupported operand type(s)"
// from a TypeError raised by Python code.
func isGpythonOperandError(err error) bool {
	exc, ok := exceptionOf(err)
	if !ok {
		return false
	}
	args := exceptionArgs(exc)
	if len(args) != 1 {
		return false
	}
	msg, _ := args[0].(py.String)
	return strings.HasPrefix(string(msg), "unsupported operand type(s) for ")
}

// sequenceOrder compares two sequences by their first differing items,
// or by length when one is a prefix of the other.
func sequenceOrder(x, y []py.Object, op CompareOp) (py.Object, error) {
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		eq, err := equal(x[i], y[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			return order(boolAsInt(x[i]), boolAsInt(y[i]), op)
		}
	}
	return py.NewBool(intCompare(int64(len(x)), int64(len(y)), op)), nil
}

// lessThan is a < b as a truth value, for sorting.
func lessThan(a, b py.Object) (bool, error) {
	res, err := Compare(a, b, OpLt)
	if err != nil {
		return false, err
	}
	return isTrue(res)
}

// equal is a == b with CPython's identity shortcut (as list.index and
// `in` use), element-wise for sequences, and a Python class's __eq__.
func equal(a, b py.Object) (bool, error) {
	switch x := a.(type) {
	case py.String:
		if y, ok := b.(py.String); ok {
			return x == y, nil
		}
	case py.Int:
		if y, ok := b.(py.Int); ok {
			return x == y, nil
		}
	}
	if sameObject(a, b) {
		return true, nil
	}
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return sequenceEqual(x, y)
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return sequenceEqual(x.Items, y.Items)
		}
	}
	if res, found, err := callSpecial(a, "__eq__", b); found && (err != nil || res != py.NotImplemented) {
		if err != nil {
			return false, err
		}
		return isTrue(res)
	}
	if res, found, err := callSpecial(b, "__eq__", a); found && (err != nil || res != py.NotImplemented) {
		if err != nil {
			return false, err
		}
		return isTrue(res)
	}
	res, err := py.Eq(boolAsInt(a), boolAsInt(b))
	if err != nil {
		// gpython raises where CPython falls back to identity.
		if py.IsException(py.TypeError, err) {
			return false, nil
		}
		return false, err
	}
	if res == py.NotImplemented {
		return false, nil
	}
	return isTrue(res)
}

func sequenceEqual(x, y []py.Object) (bool, error) {
	if len(x) != len(y) {
		return false, nil
	}
	for i := range x {
		eq, err := equal(x[i], y[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// boolAsInt lets bools compare as the ints they are in CPython; gpython's
// bool has no ordering of its own.
func boolAsInt(o py.Object) py.Object {
	if b, ok := o.(py.Bool); ok {
		if b {
			return py.Int(1)
		}
		return py.Int(0)
	}
	return o
}
