package pydict

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// The special methods gpython's VM calls directly.

func (d *Dict) M__len__() (py.Object, error) { return py.Int(d.live), nil }

func (d *Dict) M__bool__() (py.Object, error) { return py.NewBool(d.live > 0), nil }

func (d *Dict) M__getitem__(key py.Object) (py.Object, error) {
	v, found, err := d.GetItem(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, KeyError(key)
	}
	return v, nil
}

func (d *Dict) M__setitem__(key, value py.Object) (py.Object, error) {
	if err := d.SetItem(key, value); err != nil {
		return nil, err
	}
	return py.None, nil
}

func (d *Dict) M__delitem__(key py.Object) (py.Object, error) {
	found, err := d.DelItem(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, KeyError(key)
	}
	return py.None, nil
}

func (d *Dict) M__contains__(key py.Object) (py.Object, error) {
	_, found, err := d.GetItem(key)
	if err != nil {
		return nil, err
	}
	return py.NewBool(found), nil
}

func (d *Dict) M__iter__() (py.Object, error) { return newIterator(d, keysView), nil }

func (d *Dict) M__hash__() (py.Object, error) { return nil, unhashable(d) }

func (d *Dict) M__eq__(other py.Object) (py.Object, error) {
	eq, ok, err := d.equal(other)
	if err != nil || !ok {
		return py.NotImplemented, err
	}
	return py.NewBool(eq), nil
}

func (d *Dict) M__ne__(other py.Object) (py.Object, error) {
	eq, ok, err := d.equal(other)
	if err != nil || !ok {
		return py.NotImplemented, err
	}
	return py.NewBool(!eq), nil
}

// equal compares with another dict, ours or gpython's, as CPython does:
// the same keys with equal values, in any order. ok is false for
// anything that is not a dict.
func (d *Dict) equal(other py.Object) (eq, ok bool, err error) {
	var o *Dict
	switch x := other.(type) {
	case *Dict:
		o = x
	case py.StringDict:
		o = FromStringDict(x)
	default:
		return false, false, nil
	}
	if d.live != o.live {
		return false, true, nil
	}
	for _, e := range d.entries {
		if e.key == nil {
			continue
		}
		pos, err := o.find(e.key, e.hash)
		if err != nil || pos < 0 {
			return false, true, err
		}
		ov := o.entries[pos].value
		if ov == e.value {
			continue
		}
		res, err := py.Eq(e.value, ov)
		if err != nil {
			return false, true, err
		}
		if res != py.True {
			return false, true, nil
		}
	}
	return true, true, nil
}

func (d *Dict) M__str__() (py.Object, error) { return d.M__repr__() }

// M__repr__ writes {key: value, ...} with the reprs of keys and values;
// a dict that contains itself shows {...} there.
func (d *Dict) M__repr__() (py.Object, error) {
	if d.inRepr {
		return py.String("{...}"), nil
	}
	d.inRepr = true
	defer func() { d.inRepr = false }()
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ { // a __repr__ may change d: index, not range
		e := d.entries[i]
		if e.key == nil {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := py.ReprAsString(e.key)
		if err != nil {
			return nil, err
		}
		v, err := py.ReprAsString(e.value)
		if err != nil {
			return nil, err
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteByte('}')
	return py.String(b.String()), nil
}
