package pymod

import (
	"sort"
	"sync/atomic"

	"github.com/go-python/gpython/py"
)

// DictMaker builds the dict a module returns (json objects, parse_qs
// results) from keys and values in order. The default makes gpython's own
// dict, which forgets the order; an ordered dict type can be plugged in
// with SetDictMaker.
type DictMaker func(keys, values []py.Object) (py.Object, error)

var dictMaker atomic.Pointer[DictMaker]

// SetDictMaker replaces how modules build dicts; nil restores the default.
// Call it before contexts run code.
func SetDictMaker(m DictMaker) {
	if m == nil {
		dictMaker.Store(nil)
		return
	}
	dictMaker.Store(&m)
}

func makeDict(keys, values []py.Object) (py.Object, error) {
	if m := dictMaker.Load(); m != nil {
		return (*m)(keys, values)
	}
	return makeStringDict(keys, values)
}

func makeStringDict(keys, values []py.Object) (py.Object, error) {
	d := py.NewStringDictSized(len(keys))
	for i, k := range keys {
		if _, err := d.M__setitem__(k, values[i]); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// mappingPairs returns a mapping's keys and values in its iteration order;
// ok is false when o is not a mapping. gpython's own dict has no order, so
// its keys come sorted, which at least makes output repeatable. Any other
// Go-implemented type with keys() and items() counts as a mapping and is
// read through items().
func mappingPairs(o py.Object) (keys, values []py.Object, ok bool, err error) {
	switch m := o.(type) {
	case py.StringDict:
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		keys = make([]py.Object, len(names))
		values = make([]py.Object, len(names))
		for i, k := range names {
			keys[i], values[i] = py.String(k), m[k]
		}
		return keys, values, true, nil
	case *odict:
		keys, values = m.pairs()
		return keys, values, true, nil
	case *py.Type:
		// A Python class or instance of one: gpython cannot make those
		// real dicts, so they are not taken for mappings.
		return nil, nil, false, nil
	}
	t := o.Type()
	if t.NativeGetAttrOrNil("items") == nil || t.NativeGetAttrOrNil("keys") == nil {
		return nil, nil, false, nil
	}
	pairsObj, err := callMethod(o, "items")
	if err != nil {
		return nil, nil, true, err
	}
	err = py.Iterate(pairsObj, func(item py.Object) bool {
		var k, v py.Object
		k, v, err = pair(item, "dictionary update sequence element")
		if err != nil {
			return true
		}
		keys = append(keys, k)
		values = append(values, v)
		return false
	})
	return keys, values, true, err
}

// isMapping says whether mappingPairs would read o.
func isMapping(o py.Object) bool {
	switch o.(type) {
	case py.StringDict, *odict:
		return true
	case *py.Type:
		return false
	}
	t := o.Type()
	return t.NativeGetAttrOrNil("items") != nil && t.NativeGetAttrOrNil("keys") != nil
}
