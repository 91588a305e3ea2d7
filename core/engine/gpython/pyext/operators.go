package pyext

import (
	"bytes"
	"strings"

	"github.com/go-python/gpython/py"
)

// gpython's bytes cannot be indexed, sliced, repeated or searched with
// `in` for a sub-sequence, and its str % mapping or % a value printed in
// Go's syntax. The VM reaches these operations through Go interfaces
// that cannot be added to its types from outside, so the rewriter routes
// the operator expressions that may meet such operands to these
// functions, which fall back on gpython's own operation otherwise.

// Contains is `item in container`.
func Contains(container, item py.Object) (bool, error) {
	switch c := container.(type) {
	case py.Bytes:
		return bytesContain(c, item)
	case py.String:
		s, ok := item.(py.String)
		if !ok {
			return false, py.ExceptionNewf(py.TypeError, "'in <string>' requires string as left operand, not %s", typeName(item))
		}
		return strings.Contains(string(c), string(s)), nil
	case py.Tuple:
		return itemsContain(c, item)
	case *py.List:
		return itemsContain(c.Items, item)
	}
	if _, ok := asInstance(container); ok {
		if res, found, err := callSpecial(container, "__contains__", item); found {
			if err != nil {
				return false, err
			}
			return isTrue(res)
		}
		found := false
		err := iterate(container, func(x py.Object) (bool, error) {
			eq, err := equal(x, item)
			found = eq
			return !eq, err
		})
		return found, err
	}
	return py.SequenceContains(container, item)
}

func itemsContain(items []py.Object, item py.Object) (bool, error) {
	for i := 0; i < len(items); i++ {
		eq, err := equal(items[i], item)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func bytesContain(b py.Bytes, item py.Object) (bool, error) {
	switch x := item.(type) {
	case py.Bytes:
		return bytes.Contains(b, x), nil
	case py.Int, py.Bool, *py.BigInt:
		n, err := toInt(x)
		if err != nil {
			return false, err
		}
		if n < 0 || n > 255 {
			return false, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
		}
		return bytes.IndexByte(b, byte(n)) >= 0, nil
	}
	return false, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", typeName(item))
}

// GetItem is obj[key].
func GetItem(obj, key py.Object) (py.Object, error) {
	if b, ok := obj.(py.Bytes); ok {
		return bytesItem(b, key)
	}
	return py.GetItem(obj, key)
}

// Slice is obj[lower:upper:step], where an omitted part is None.
func Slice(obj, lower, upper, step py.Object) (py.Object, error) {
	return GetItem(obj, py.NewSlice(lower, upper, step))
}

// bytesItem is b[i], an int, or b[i:j:k], a bytes.
func bytesItem(b py.Bytes, key py.Object) (py.Object, error) {
	if s, ok := key.(*py.Slice); ok {
		start, stop, step, n, err := s.GetIndices(len(b))
		if err != nil {
			return nil, err
		}
		out := make(py.Bytes, 0, n)
		if step == 1 {
			return append(out, b[start:stop]...), nil
		}
		for i, k := start, 0; k < n; i, k = i+step, k+1 {
			out = append(out, b[i])
		}
		return out, nil
	}
	switch key.(type) {
	case py.Int, py.Bool, *py.BigInt:
	default:
		if _, ok := asInstance(key); !ok {
			return nil, py.ExceptionNewf(py.TypeError, "byte indices must be integers or slices, not %s", typeName(key))
		}
	}
	i, err := py.IndexIntCheck(key, len(b))
	if err != nil {
		return nil, err
	}
	return py.Int(b[i]), nil
}

// Multiply is a * b, with bytes repeated by an int as CPython does.
func Multiply(a, b py.Object) (py.Object, error) {
	if x, ok := a.(py.Bytes); ok {
		if n, isInt := repeatCount(b); isInt {
			return repeatBytes(x, n)
		}
	}
	if y, ok := b.(py.Bytes); ok {
		if n, isInt := repeatCount(a); isInt {
			return repeatBytes(y, n)
		}
	}
	return py.Mul(a, b)
}

func repeatBytes(b py.Bytes, n int) (py.Object, error) {
	if n <= 0 || len(b) == 0 {
		return py.Bytes{}, nil
	}
	if len(b) > maxInt/n {
		return nil, py.ExceptionNewf(py.OverflowError, "repeated bytes are too long")
	}
	return py.Bytes(bytes.Repeat(b, n)), nil
}

func repeatCount(o py.Object) (int, bool) {
	switch o.(type) {
	case py.Int, py.Bool, *py.BigInt:
		n, err := toInt(o)
		return n, err == nil
	}
	return 0, false
}

// Modulo is a % b: printf-style formatting for a str, gpython's modulo
// otherwise.
func Modulo(a, b py.Object) (py.Object, error) {
	if s, ok := a.(py.String); ok {
		out, err := PercentFormat(string(s), b)
		return py.String(out), err
	}
	return py.Mod(a, b)
}

// Add is a + b. gpython's tuple + tuple loses items when the tuples
// differ in length (it copies the second operand to the wrong place).
func Add(a, b py.Object) (py.Object, error) {
	if x, ok := a.(py.Tuple); ok {
		if y, ok := b.(py.Tuple); ok {
			return concatTuples(x, y), nil
		}
	}
	return py.Add(a, b)
}

// InplaceAdd is a += b: tuples concatenated, lists extended in place by
// any iterable (gpython's list += takes only a list).
func InplaceAdd(a, b py.Object) (py.Object, error) {
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return concatTuples(x, y), nil
		}
	case *py.List:
		if _, isList := b.(*py.List); !isList {
			items, err := collect(b)
			if err != nil {
				return nil, err
			}
			x.Items = append(x.Items, items...)
			return x, nil
		}
	}
	return py.IAdd(a, b)
}

func concatTuples(x, y py.Tuple) py.Tuple {
	out := make(py.Tuple, 0, len(x)+len(y))
	return append(append(out, x...), y...)
}
