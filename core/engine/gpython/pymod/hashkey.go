package pymod

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// hashKey maps a hashable Python value to a Go map key such that values
// Python calls equal (1, 1.0 and True; equal tuples) share a key. gpython
// has no hash protocol of its own; objects without a value of their own
// hash by identity, as Python's default __hash__ does.
func hashKey(o py.Object) (string, error) {
	var b strings.Builder
	if err := writeHashKey(&b, o); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeHashKey(b *strings.Builder, o py.Object) error {
	switch v := o.(type) {
	case py.String:
		b.WriteByte('s')
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteByte(':')
		b.WriteString(string(v))
	case py.Bytes:
		b.WriteByte('b')
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteByte(':')
		b.Write(v)
	case py.Int:
		b.WriteByte('i')
		b.WriteString(strconv.FormatInt(int64(v), 10))
	case reFlag:
		b.WriteByte('i')
		b.WriteString(strconv.Itoa(int(v)))
	case py.Bool:
		if v {
			b.WriteString("i1")
		} else {
			b.WriteString("i0")
		}
	case *py.BigInt:
		b.WriteByte('i')
		b.WriteString((*big.Int)(v).String())
	case py.Float:
		f := float64(v)
		switch {
		case math.IsNaN(f):
			// Every NaN is its own key, as each float('nan') object is.
			fmt.Fprintf(b, "nan%p", &v)
		case f == math.Trunc(f) && !math.IsInf(f, 0):
			bf := new(big.Float).SetFloat64(f)
			i, _ := bf.Int(nil)
			b.WriteByte('i')
			b.WriteString(i.String())
		default:
			b.WriteByte('f')
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	case py.NoneType:
		b.WriteByte('N')
	case py.Tuple:
		b.WriteString("t(")
		for _, item := range v {
			if err := writeHashKey(b, item); err != nil {
				return err
			}
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *ntuple:
		// A named tuple equals the plain tuple of its values.
		return writeHashKey(b, v.values)
	case *py.FrozenSet:
		return py.ExceptionNewf(py.TypeError, "unhashable type: 'frozenset' (not supported as a key here)")
	case *py.List, py.StringDict, *py.Set, *odict, *deque:
		return py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", o.Type().Name)
	default:
		// Python's default hash is identity; a Go value type (no
		// identity to take) hashes by its value.
		if v := reflect.ValueOf(o); v.Kind() == reflect.Pointer || v.Kind() == reflect.Map {
			fmt.Fprintf(b, "p%T%x", o, v.Pointer())
		} else {
			fmt.Fprintf(b, "v%T%v", o, o)
		}
	}
	return nil
}
