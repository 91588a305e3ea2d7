package pyext

import (
	"github.com/go-python/gpython/py"
)

// gpython cannot order tuples or lists, nor call __lt__ or __eq__ defined
// on a Python class. sorted, min, max and list.sort order values through
// lessThan, and the searching methods compare through equal, so that they
// behave as CPython's do. The operators themselves (`a < b` in Python
// code) stay gpython's: the VM calls its own comparison directly.

// lessThan is a < b as CPython decides it: sequences of the same kind
// lexicographically, Python classes through __lt__ or a reflected __gt__,
// everything else through gpython's own comparison slots.
func lessThan(a, b py.Object) (bool, error) {
	a, b = boolAsInt(a), boolAsInt(b)
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return sequenceLess(x, y)
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return sequenceLess(x.Items, y.Items)
		}
	}
	res, err := richCompare(a, b, "__lt__", "__gt__")
	if err != nil {
		return false, err
	}
	if res == nil {
		return false, py.ExceptionNewf(py.TypeError, "'<' not supported between instances of '%s' and '%s'", typeName(a), typeName(b))
	}
	return isTrue(res)
}

// richCompare tries a.op(b), then b.reflected(a); a nil result means
// neither side knows how.
func richCompare(a, b py.Object, op, reflected string) (py.Object, error) {
	if res, found, err := callSpecial(a, op, b); found && (err != nil || res != py.NotImplemented) {
		return res, err
	}
	if res, found, err := callSpecial(b, reflected, a); found && (err != nil || res != py.NotImplemented) {
		return res, err
	}
	if _, inst := asInstance(a); !inst {
		if A, ok := a.(py.I__lt__); ok && op == "__lt__" {
			if res, err := A.M__lt__(b); err != nil || res != py.NotImplemented {
				return res, err
			}
		}
	}
	if _, inst := asInstance(b); !inst {
		if B, ok := b.(py.I__gt__); ok && reflected == "__gt__" {
			if res, err := B.M__gt__(a); err != nil || res != py.NotImplemented {
				return res, err
			}
		}
	}
	return nil, nil
}

// sequenceLess orders two sequences by their first differing items, or
// by length when one is a prefix of the other.
func sequenceLess(x, y []py.Object) (bool, error) {
	n := min(len(x), len(y))
	for i := 0; i < n; i++ {
		eq, err := equal(x[i], y[i])
		if err != nil {
			return false, err
		}
		if !eq {
			return lessThan(x[i], y[i])
		}
	}
	return len(x) < len(y), nil
}

// equal is a == b with CPython's identity shortcut (as list.index and
// `in` use), element-wise for sequences, and a Python class's __eq__.
func equal(a, b py.Object) (bool, error) {
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
	return res == py.True, nil
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
