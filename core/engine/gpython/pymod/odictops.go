package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// The Python face shared by OrderedDict, defaultdict and Counter.

// keyError carries the missing key as CPython's does when it is a str;
// other keys go in as their repr, since gpython prints an exception by
// returning its first argument as its str.
func keyError(key py.Object) error {
	if _, ok := key.(py.String); !ok {
		if r, err := reprOf(key); err == nil {
			key = py.String(r)
		}
	}
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.StringDict{}}
}

func (d *odict) M__getitem__(key py.Object) (py.Object, error) {
	v, ok, err := d.lookup(key)
	if err != nil || ok {
		return v, err
	}
	return d.missing(key)
}

// missing is __missing__: defaultdict fills the key in, Counter counts 0.
func (d *odict) missing(key py.Object) (py.Object, error) {
	switch d.cls {
	case defaultDictType:
		if d.factory == py.None {
			return nil, keyError(key)
		}
		v, err := py.Call(d.factory, nil, nil)
		if err != nil {
			return nil, err
		}
		return v, d.set(key, v)
	case counterType:
		return py.Int(0), nil
	}
	return nil, keyError(key)
}

func (d *odict) M__setitem__(key, value py.Object) (py.Object, error) {
	return py.None, d.set(key, value)
}

func (d *odict) M__delitem__(key py.Object) (py.Object, error) {
	_, ok, err := d.remove(key)
	if err != nil {
		return nil, err
	}
	if !ok && d.cls != counterType { // Counter ignores deleting a missing key
		return nil, keyError(key)
	}
	return py.None, nil
}

func (d *odict) M__contains__(key py.Object) (py.Object, error) {
	_, ok, err := d.lookup(key)
	return py.NewBool(ok), err
}

func (d *odict) M__len__() (py.Object, error) { return py.Int(d.live), nil }

func (d *odict) M__bool__() (py.Object, error) { return py.NewBool(d.live > 0), nil }

func (d *odict) M__iter__() (py.Object, error) { return newOdictIter(d, viewKeys, false), nil }

func (d *odict) M__reversed__() (py.Object, error) { return newOdictIter(d, viewKeys, true), nil }

func (d *odict) M__str__() (py.Object, error) { return d.M__repr__() }

func (d *odict) M__repr__() (py.Object, error) {
	name := d.cls.Name
	if d.inRepr {
		return py.String("..."), nil
	}
	d.inRepr = true
	defer func() { d.inRepr = false }()
	keys, values := d.pairs()
	switch d.cls {
	case orderedDictType:
		if len(keys) == 0 {
			return py.String(name + "()"), nil
		}
		var b strings.Builder
		b.WriteString(name + "([")
		for i := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			s, err := reprOf(py.Tuple{keys[i], values[i]})
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
		}
		b.WriteString("])")
		return py.String(b.String()), nil
	case defaultDictType:
		f, err := reprOf(d.factory)
		if err != nil {
			return nil, err
		}
		body, err := reprDictBody(keys, values)
		if err != nil {
			return nil, err
		}
		return py.String(name + "(" + f + ", " + body + ")"), nil
	case counterType:
		if len(keys) == 0 {
			return py.String(name + "()"), nil
		}
		if err := sortByCountDesc(keys, values); err != nil {
			return nil, err
		}
		body, err := reprDictBody(keys, values)
		if err != nil {
			return nil, err
		}
		return py.String(name + "(" + body + ")"), nil
	}
	body, err := reprDictBody(keys, values)
	return py.String(body), err
}

// reprDictBody writes {k: v, ...} as a dict's repr does.
func reprDictBody(keys, values []py.Object) (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		k, err := reprOf(keys[i])
		if err != nil {
			return "", err
		}
		v, err := reprOf(values[i])
		if err != nil {
			return "", err
		}
		b.WriteString(k + ": " + v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// M__eq__: two OrderedDicts must agree on order too; any other pairing
// compares as plain dicts. Counters treat missing counts as zero.
func (d *odict) M__eq__(other py.Object) (py.Object, error) {
	if !isMapping(other) {
		return py.NotImplemented, nil
	}
	okeys, ovalues, _, err := mappingPairs(other)
	if err != nil {
		return nil, err
	}
	o, isOdict := other.(*odict)
	if isOdict && d.cls == counterType && o.cls == counterType {
		return countersEqual(d, o)
	}
	if len(okeys) != d.live {
		return py.False, nil
	}
	if isOdict && d.cls == orderedDictType && o.cls == orderedDictType {
		keys, values := d.pairs()
		for i := range keys {
			if eq, err := equal(keys[i], okeys[i]); err != nil || !eq {
				return py.False, err
			}
			if eq, err := equal(values[i], ovalues[i]); err != nil || !eq {
				return py.False, err
			}
		}
		return py.True, nil
	}
	for i, k := range okeys {
		v, ok, err := d.lookup(k)
		if err != nil || !ok {
			return py.False, err
		}
		if eq, err := equal(v, ovalues[i]); err != nil || !eq {
			return py.False, err
		}
	}
	return py.True, nil
}

func (d *odict) M__ne__(other py.Object) (py.Object, error) {
	eq, err := d.M__eq__(other)
	if err != nil || eq == py.NotImplemented {
		return eq, err
	}
	return py.NewBool(eq == py.False), nil
}

func equal(a, b py.Object) (bool, error) {
	res, err := py.Eq(a, b)
	if err != nil {
		return false, err
	}
	return res == py.True, nil
}

// update merges a mapping, an object with keys(), or pairs, then keyword
// arguments, in that order.
func (d *odict) update(args py.Tuple, kwargs py.StringDict, put func(k, v py.Object) error) error {
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "update expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := eachPair(args[0], put); err != nil {
			return err
		}
	}
	return eachMappingPair(kwargs, put)
}

// eachMappingPair calls put with each of a mapping's items in turn.
func eachMappingPair(m py.Object, put func(k, v py.Object) error) error {
	keys, values, _, err := mappingPairs(m)
	if err != nil {
		return err
	}
	for i := range keys {
		if err := put(keys[i], values[i]); err != nil {
			return err
		}
	}
	return nil
}

// eachPair walks a mapping's items or an iterable of pairs.
func eachPair(src py.Object, put func(k, v py.Object) error) error {
	if isMapping(src) {
		return eachMappingPair(src, put)
	}
	var putErr error
	i := 0
	err := py.Iterate(src, func(item py.Object) bool {
		k, v, err := pair(item, "dictionary update sequence element #"+itoa(i))
		if err == nil {
			err = put(k, v)
		}
		i++
		putErr = err
		return err != nil
	})
	if err != nil {
		return err
	}
	return putErr
}
