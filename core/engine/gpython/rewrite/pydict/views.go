package pydict

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// viewKind says what a view or an iterator yields.
type viewKind int

const (
	keysView viewKind = iota
	valuesView
	itemsView
)

var (
	viewTypes = [...]*py.Type{
		keysView:   py.NewType("dict_keys", "a view on a dict's keys"),
		valuesView: py.NewType("dict_values", "a view on a dict's values"),
		itemsView:  py.NewType("dict_items", "a view on a dict's items"),
	}
	iteratorTypes = [...]*py.Type{
		keysView:   py.NewType("dict_keyiterator", "iterator over a dict's keys"),
		valuesView: py.NewType("dict_valueiterator", "iterator over a dict's values"),
		itemsView:  py.NewType("dict_itemiterator", "iterator over a dict's items"),
	}
)

// view is what keys(), values() and items() return: a live view of the
// dict, which follows its later changes.
type view struct {
	dict *Dict
	kind viewKind
}

func (v *view) Type() *py.Type { return viewTypes[v.kind] }

func (v *view) M__len__() (py.Object, error) { return py.Int(v.dict.live), nil }

func (v *view) M__iter__() (py.Object, error) { return newIterator(v.dict, v.kind), nil }

func (v *view) M__contains__(x py.Object) (py.Object, error) {
	switch v.kind {
	case keysView:
		return v.dict.M__contains__(x)
	case itemsView:
		pair, ok := x.(py.Tuple)
		if !ok || len(pair) != 2 {
			return py.False, nil
		}
		value, found, err := v.dict.GetItem(pair[0])
		if err != nil || !found {
			return py.False, err
		}
		return py.Eq(value, pair[1])
	}
	for _, e := range v.dict.entries {
		if e.key == nil {
			continue
		}
		eq, err := py.Eq(e.value, x)
		if err != nil {
			return nil, err
		}
		if eq == py.True {
			return py.True, nil
		}
	}
	return py.False, nil
}

// M__repr__ writes dict_keys(['a', 'b']) as CPython does.
func (v *view) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString(v.Type().Name)
	b.WriteString("([")
	first := true
	for _, e := range v.dict.entries {
		if e.key == nil {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		s, err := ReprOf(viewItem(e, v.kind))
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString("])")
	return py.String(b.String()), nil
}

func (v *view) M__str__() (py.Object, error) { return v.M__repr__() }

// M__eq__ compares keys and items views as sets, with another view or a
// set.
func (v *view) M__eq__(other py.Object) (py.Object, error) {
	if v.kind == valuesView {
		return py.NewBool(other == py.Object(v)), nil
	}
	var items []py.Object
	switch o := other.(type) {
	case *view:
		if o.kind != v.kind {
			return py.False, nil
		}
		for _, e := range o.dict.entries {
			if e.key != nil {
				items = append(items, viewItem(e, o.kind))
			}
		}
	case *py.Set, *py.FrozenSet:
		if err := py.Iterate(o, func(item py.Object) bool {
			items = append(items, item)
			return false
		}); err != nil {
			return nil, err
		}
	default:
		return py.NotImplemented, nil
	}
	if len(items) != v.dict.live {
		return py.False, nil
	}
	for _, item := range items {
		in, err := v.M__contains__(item)
		if err != nil || in != py.True {
			return py.False, err
		}
	}
	return py.True, nil
}

func (v *view) M__ne__(other py.Object) (py.Object, error) {
	eq, err := v.M__eq__(other)
	if err != nil || eq == py.NotImplemented {
		return eq, err
	}
	return py.NewBool(eq != py.True), nil
}

func viewItem(e entry, kind viewKind) py.Object {
	switch kind {
	case valuesView:
		return e.value
	case itemsView:
		return py.Tuple{e.key, e.value}
	}
	return e.key
}

// iterator walks a dict in insertion order. As in CPython, adding or
// removing keys while it runs is an error: at once when the size changed,
// else when it would yield more keys than the dict had.
type iterator struct {
	dict      *Dict
	kind      viewKind
	pos       int
	size      int // the dict's size when iteration started
	remaining int
	layout    uint64
	done      bool
}

func newIterator(d *Dict, kind viewKind) *iterator {
	return &iterator{dict: d, kind: kind, size: d.live, remaining: d.live, layout: d.layout}
}

func (it *iterator) Type() *py.Type { return iteratorTypes[it.kind] }

func (it *iterator) M__iter__() (py.Object, error) { return it, nil }

func (it *iterator) M__next__() (py.Object, error) {
	d := it.dict
	if it.done {
		return nil, py.StopIteration
	}
	if d.live != it.size {
		it.done = true
		return nil, py.ExceptionNewf(py.RuntimeError, "dictionary changed size during iteration")
	}
	if d.layout != it.layout {
		it.done = true
		return nil, py.ExceptionNewf(py.RuntimeError, "dictionary keys changed during iteration")
	}
	for it.pos < len(d.entries) {
		e := d.entries[it.pos]
		it.pos++
		if e.key == nil {
			continue
		}
		if it.remaining == 0 {
			it.done = true
			return nil, py.ExceptionNewf(py.RuntimeError, "dictionary keys changed during iteration")
		}
		it.remaining--
		return viewItem(e, it.kind), nil
	}
	it.done = true
	return nil, py.StopIteration
}

var reverseIteratorTypes = [...]*py.Type{
	keysView:   py.NewType("dict_reversekeyiterator", "reverse iterator over a dict's keys"),
	valuesView: py.NewType("dict_reversevalueiterator", "reverse iterator over a dict's values"),
	itemsView:  py.NewType("dict_reverseitemiterator", "reverse iterator over a dict's items"),
}

func (d *Dict) M__reversed__() (py.Object, error) { return newReverseIterator(d, keysView), nil }

func (v *view) M__reversed__() (py.Object, error) { return newReverseIterator(v.dict, v.kind), nil }

// reverseIterator walks a dict from its last key to its first, with the
// same checks as iterator.
type reverseIterator struct {
	dict   *Dict
	kind   viewKind
	pos    int // next entry to look at, counting down
	size   int
	layout uint64
	done   bool
}

func newReverseIterator(d *Dict, kind viewKind) *reverseIterator {
	return &reverseIterator{dict: d, kind: kind, pos: len(d.entries) - 1, size: d.live, layout: d.layout}
}

func (it *reverseIterator) Type() *py.Type { return reverseIteratorTypes[it.kind] }

func (it *reverseIterator) M__iter__() (py.Object, error) { return it, nil }

func (it *reverseIterator) M__next__() (py.Object, error) {
	d := it.dict
	if it.done {
		return nil, py.StopIteration
	}
	if d.live != it.size || d.layout != it.layout {
		it.done = true
		return nil, py.ExceptionNewf(py.RuntimeError, "dictionary changed size during iteration")
	}
	for ; it.pos >= 0; it.pos-- {
		if it.pos >= len(d.entries) {
			continue
		}
		if e := d.entries[it.pos]; e.key != nil {
			it.pos--
			return viewItem(e, it.kind), nil
		}
	}
	it.done = true
	return nil, py.StopIteration
}

// Types lists the types of this package, for readying.
func Types() []*py.Type {
	types := []*py.Type{Type}
	types = append(types, viewTypes[:]...)
	types = append(types, iteratorTypes[:]...)
	return append(types, reverseIteratorTypes[:]...)
}
