package pydict

import (
	"reflect"

	"github.com/go-python/gpython/py"
)

// Keys and items views are set-like: &, |, - and ^ with any iterable
// give a set, as in CPython (d.keys() & other.keys(), d.keys() - {"id"}).
// gpython's set holds only values Go can hash, so a result with a tuple
// or another such value (an items view's pairs) is a TypeError.

type setOp int

const (
	intersection setOp = iota
	union
	difference
	symmetricDifference
)

// setOperation is left op right, where one of them is v.
func (v *view) setOperation(left, right py.Object, op setOp) (py.Object, error) {
	if v.kind == valuesView {
		return py.NotImplemented, nil
	}
	a, err := orderedSet(left)
	if err != nil {
		return nil, err
	}
	b, err := orderedSet(right)
	if err != nil {
		return nil, err
	}
	var out []py.Object
	keep := func(d *Dict, other *Dict, inOther bool) error {
		for _, e := range d.entries {
			if e.key == nil {
				continue
			}
			_, found, err := other.GetItem(e.key)
			if err != nil {
				return err
			}
			if found == inOther {
				out = append(out, e.key)
			}
		}
		return nil
	}
	switch op {
	case intersection:
		err = keep(a, b, true)
	case difference:
		err = keep(a, b, false)
	case union:
		out = a.Keys()
		err = keep(b, a, false)
	case symmetricDifference:
		if err = keep(a, b, false); err == nil {
			err = keep(b, a, false)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, item := range out {
		if !reflect.TypeOf(item).Comparable() {
			return nil, py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", item.Type().Name)
		}
	}
	return py.NewSetFromItems(out), nil
}

// orderedSet gathers the items of an iterable as the keys of a dict,
// which compares them as Python does.
func orderedSet(obj py.Object) (*Dict, error) {
	d := New()
	var setErr error
	err := py.Iterate(obj, func(item py.Object) bool {
		setErr = d.SetItem(item, py.None)
		return setErr != nil
	})
	if err == nil {
		err = setErr
	}
	return d, err
}

func (v *view) M__and__(other py.Object) (py.Object, error) {
	return v.setOperation(v, other, intersection)
}

func (v *view) M__rand__(other py.Object) (py.Object, error) {
	return v.setOperation(other, v, intersection)
}

func (v *view) M__or__(other py.Object) (py.Object, error) { return v.setOperation(v, other, union) }

func (v *view) M__ror__(other py.Object) (py.Object, error) { return v.setOperation(other, v, union) }

func (v *view) M__sub__(other py.Object) (py.Object, error) {
	return v.setOperation(v, other, difference)
}

func (v *view) M__rsub__(other py.Object) (py.Object, error) {
	return v.setOperation(other, v, difference)
}

func (v *view) M__xor__(other py.Object) (py.Object, error) {
	return v.setOperation(v, other, symmetricDifference)
}

func (v *view) M__rxor__(other py.Object) (py.Object, error) {
	return v.setOperation(other, v, symmetricDifference)
}
