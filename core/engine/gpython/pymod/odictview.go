package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// Views and iterators over an odict: keys(), values() and items() return
// live views, as Python's do.

type viewKind int

const (
	viewKeys viewKind = iota
	viewValues
	viewItems
)

var (
	odictIterType = newGoType("odict_iterator", "Iterator over an ordered mapping.")
	odictViewType = newGoType("odict_view", "A live view of an ordered mapping.")
)

type odictIter struct {
	d       *odict
	kind    viewKind
	reverse bool
	next    int // index into d.entries
	size    int // d.live when iteration began
}

func newOdictIter(d *odict, kind viewKind, reverse bool) *odictIter {
	it := &odictIter{d: d, kind: kind, reverse: reverse, size: d.live}
	if reverse {
		it.next = len(d.entries) - 1
	}
	return it
}

func (it *odictIter) Type() *py.Type { return odictIterType }

func (it *odictIter) M__iter__() (py.Object, error) { return it, nil }

func (it *odictIter) M__next__() (py.Object, error) {
	d := it.d
	if d.live != it.size {
		it.size = -1 // stay broken, as CPython's iterator does
		if d.cls == orderedDictType {
			return nil, py.ExceptionNewf(py.RuntimeError, "OrderedDict mutated during iteration")
		}
		return nil, py.ExceptionNewf(py.RuntimeError, "dictionary changed size during iteration")
	}
	for it.next >= 0 && it.next < len(d.entries) {
		e := d.entries[it.next]
		if it.reverse {
			it.next--
		} else {
			it.next++
		}
		if e.key == nil {
			continue
		}
		switch it.kind {
		case viewValues:
			return e.value, nil
		case viewItems:
			return py.Tuple{e.key, e.value}, nil
		}
		return e.key, nil
	}
	return nil, py.StopIteration
}

type odictView struct {
	d    *odict
	kind viewKind
}

func (v *odictView) Type() *py.Type { return odictViewType }

func (v *odictView) M__iter__() (py.Object, error) { return newOdictIter(v.d, v.kind, false), nil }

func (v *odictView) M__reversed__() (py.Object, error) { return newOdictIter(v.d, v.kind, true), nil }

func (v *odictView) M__len__() (py.Object, error) { return py.Int(v.d.live), nil }

func (v *odictView) M__contains__(item py.Object) (py.Object, error) {
	switch v.kind {
	case viewKeys:
		return v.d.M__contains__(item)
	case viewItems:
		k, val, err := pair(item, "item")
		if err != nil {
			return py.False, nil
		}
		have, ok, err := v.d.lookup(k)
		if err != nil || !ok {
			return py.False, err
		}
		eq, err := equal(have, val)
		return py.NewBool(eq), err
	}
	_, values := v.d.pairs()
	for _, have := range values {
		if eq, err := equal(have, item); err != nil || eq {
			return py.NewBool(eq), err
		}
	}
	return py.False, nil
}

// M__repr__ names the view as CPython does: odict_keys(...) for an
// OrderedDict, dict_keys(...) for the dict subclasses.
func (v *odictView) M__repr__() (py.Object, error) {
	prefix := "dict_"
	if v.d.cls == orderedDictType {
		prefix = "odict_"
	}
	name := [...]string{"keys", "values", "items"}[v.kind]
	keys, values := v.d.pairs()
	var b strings.Builder
	b.WriteString(prefix + name + "([")
	for i := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		var item py.Object
		switch v.kind {
		case viewKeys:
			item = keys[i]
		case viewValues:
			item = values[i]
		default:
			item = py.Tuple{keys[i], values[i]}
		}
		s, err := reprOf(item)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString("])")
	return py.String(b.String()), nil
}

func (v *odictView) M__eq__(other py.Object) (py.Object, error) {
	ov, ok := other.(*odictView)
	if !ok || v.kind == viewValues || ov.kind != v.kind {
		return py.NewBool(ok && ov == v), nil
	}
	if v.d.live != ov.d.live {
		return py.False, nil
	}
	keys, values := ov.d.pairs()
	for i := range keys {
		var item py.Object = keys[i]
		if v.kind == viewItems {
			item = py.Tuple{keys[i], values[i]}
		}
		in, err := v.M__contains__(item)
		if err != nil || in == py.False {
			return py.False, err
		}
	}
	return py.True, nil
}
