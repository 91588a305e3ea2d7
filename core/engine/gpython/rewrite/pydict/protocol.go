package pydict

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// The special methods gpython's VM calls directly.

// An instance of a dict subclass first looks for the method in its
// class (see subclass.go).

func (d *Dict) M__len__() (py.Object, error) {
	if res, found, err := d.override("__len__"); found {
		return res, err
	}
	return py.Int(d.live), nil
}

func (d *Dict) M__bool__() (py.Object, error) {
	if d.class != nil {
		if res, found, err := d.override("__bool__"); found {
			return res, err
		}
		if res, found, err := d.override("__len__"); found {
			if err != nil {
				return nil, err
			}
			return py.NewBool(res != py.Int(0)), nil
		}
	}
	return py.NewBool(d.live > 0), nil
}

func (d *Dict) M__getitem__(key py.Object) (py.Object, error) {
	if res, found, err := d.override("__getitem__", key); found {
		return res, err
	}
	return d.getItem(key)
}

func (d *Dict) getItem(key py.Object) (py.Object, error) {
	v, found, err := d.GetItem(key)
	if err != nil {
		return nil, err
	}
	if !found {
		if res, found, err := d.override("__missing__", key); found {
			return res, err
		}
		return nil, KeyError(key)
	}
	return v, nil
}

func (d *Dict) M__setitem__(key, value py.Object) (py.Object, error) {
	if res, found, err := d.override("__setitem__", key, value); found {
		return res, err
	}
	return d.setItem(key, value)
}

func (d *Dict) setItem(key, value py.Object) (py.Object, error) {
	if err := d.SetItem(key, value); err != nil {
		return nil, err
	}
	return py.None, nil
}

func (d *Dict) M__delitem__(key py.Object) (py.Object, error) {
	if res, found, err := d.override("__delitem__", key); found {
		return res, err
	}
	return d.delItem(key)
}

func (d *Dict) delItem(key py.Object) (py.Object, error) {
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
	if res, found, err := d.override("__contains__", key); found {
		return res, err
	}
	return d.contains(key)
}

func (d *Dict) contains(key py.Object) (py.Object, error) {
	_, found, err := d.GetItem(key)
	if err != nil {
		return nil, err
	}
	return py.NewBool(found), nil
}

func (d *Dict) M__iter__() (py.Object, error) {
	if res, found, err := d.override("__iter__"); found {
		return res, err
	}
	return newIterator(d, keysView), nil
}

func (d *Dict) M__hash__() (py.Object, error) { return nil, unhashable(d) }

func (d *Dict) M__eq__(other py.Object) (py.Object, error) {
	if res, found, err := d.override("__eq__", other); found {
		return res, err
	}
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
		same, err := Equal(e.value, o.entries[pos].value)
		if err != nil {
			return false, true, err
		}
		if !same {
			return false, true, nil
		}
	}
	return true, true, nil
}

func (d *Dict) M__str__() (py.Object, error) {
	if res, found, err := d.override("__str__"); found {
		return res, err
	}
	return d.M__repr__()
}

func (d *Dict) M__repr__() (py.Object, error) {
	if res, found, err := d.override("__repr__"); found {
		return res, err
	}
	return d.repr()
}

// repr writes {key: value, ...} with the reprs of keys and values; a
// dict that contains itself shows {...} there.
func (d *Dict) repr() (py.Object, error) {
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
		k, err := ReprOf(e.key)
		if err != nil {
			return nil, err
		}
		v, err := ReprOf(e.value)
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

// ReprOf writes the keys and values of a dict's repr. It is gpython's
// repr unless the engine installs one that writes floats, tuples and
// Python classes as CPython does.
var ReprOf = py.ReprAsString
