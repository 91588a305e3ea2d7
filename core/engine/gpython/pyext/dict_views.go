package pyext

import (
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
)

// gpython's dict.keys(), values() and items() return one-shot iterators
// (no len(), no second pass, no `in`) in Go's random map order, so that
// zip(d.keys(), d.values()) may pair the wrong items. These views are
// live like CPython's and all walk the keys in one order: sorted, since a
// StringDict does not remember insertion order.

type viewKind int

const (
	keysView viewKind = iota
	valuesView
	itemsView
)

var (
	dictKeysType   = py.NewType("dict_keys", "a view of a dict's keys")
	dictValuesType = py.NewType("dict_values", "a view of a dict's values")
	dictItemsType  = py.NewType("dict_items", "a view of a dict's items")
)

type dictView struct {
	d    py.StringDict
	kind viewKind
}

func (v *dictView) Type() *py.Type {
	switch v.kind {
	case keysView:
		return dictKeysType
	case valuesView:
		return dictValuesType
	}
	return dictItemsType
}

// sortedKeys is the order every view, and popitem, uses.
func sortedKeys(d py.StringDict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// items lists what the view shows right now.
func (v *dictView) items() py.Tuple {
	keys := sortedKeys(v.d)
	out := make(py.Tuple, len(keys))
	for i, k := range keys {
		switch v.kind {
		case keysView:
			out[i] = py.String(k)
		case valuesView:
			out[i] = v.d[k]
		default:
			out[i] = py.Tuple{py.String(k), v.d[k]}
		}
	}
	return out
}

func (v *dictView) M__iter__() (py.Object, error) {
	return py.NewIterator(v.items()), nil
}

func (v *dictView) M__len__() (py.Object, error) {
	return py.Int(len(v.d)), nil
}

func (v *dictView) M__contains__(item py.Object) (py.Object, error) {
	switch v.kind {
	case keysView:
		k, ok := item.(py.String)
		if !ok {
			return py.False, nil
		}
		_, found := v.d[string(k)]
		return py.NewBool(found), nil
	case itemsView:
		pair, ok := item.(py.Tuple)
		if !ok || len(pair) != 2 {
			return py.False, nil
		}
		k, ok := pair[0].(py.String)
		if !ok {
			return py.False, nil
		}
		value, found := v.d[string(k)]
		if !found {
			return py.False, nil
		}
		eq, err := equal(value, pair[1])
		return py.NewBool(eq), err
	}
	for _, value := range v.d {
		eq, err := equal(value, item)
		if err != nil || eq {
			return py.NewBool(eq), err
		}
	}
	return py.False, nil
}

func (v *dictView) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString(v.Type().Name)
	b.WriteString("([")
	for i, item := range v.items() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := reprOf(item)
		if err != nil {
			return nil, err
		}
		b.WriteString(r)
	}
	b.WriteString("])")
	return py.String(b.String()), nil
}

var (
	_ py.I__iter__     = (*dictView)(nil)
	_ py.I__len__      = (*dictView)(nil)
	_ py.I__contains__ = (*dictView)(nil)
	_ py.I__repr__     = (*dictView)(nil)
)
