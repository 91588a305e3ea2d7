package pyext

import (
	"strconv"

	"github.com/go-python/gpython/py"
)

// gpython's map, filter and zip reach their iterables and functions only
// through Go interfaces, so they reject bytes, miss an __iter__ or
// __next__ inherited by a Python class, cannot call an instance's
// __call__ (and map reports its type as filter). These replace them.

var (
	mapType    = py.NewTypeX("map", "map(func, *iterables) --> map object", newMap, nil)
	filterType = py.NewTypeX("filter", "filter(function or None, iterable) --> filter object", newFilter, nil)
	zipType    = py.NewTypeX("zip", "zip(*iterables, strict=False) --> zip object", newZip, nil)
)

// iterators turns each iterable into an iterator.
func iterators(iterables py.Tuple) (py.Tuple, error) {
	its := make(py.Tuple, len(iterables))
	for i, obj := range iterables {
		it, err := iterOf(obj)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

type mapIterator struct {
	fn  py.Object
	its py.Tuple
}

func newMap(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return nil, py.ExceptionNewf(py.TypeError, "map() must have at least two arguments.")
	}
	its, err := iterators(args[1:])
	if err != nil {
		return nil, err
	}
	return &mapIterator{fn: args[0], its: its}, nil
}

func (m *mapIterator) Type() *py.Type                { return mapType }
func (m *mapIterator) M__iter__() (py.Object, error) { return m, nil }

// M__next__ stops as soon as any iterable is exhausted.
func (m *mapIterator) M__next__() (py.Object, error) {
	args := make(py.Tuple, len(m.its))
	for i, it := range m.its {
		item, err := nextOf(it)
		if err != nil {
			return nil, err
		}
		if item == nil {
			return nil, py.StopIteration
		}
		args[i] = item
	}
	return callObject(m.fn, args...)
}

type filterIterator struct {
	fn py.Object
	it py.Object
}

func newFilter(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "filter() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, positionalCountError("filter", 2, 2, len(args))
	}
	it, err := iterOf(args[1])
	if err != nil {
		return nil, err
	}
	return &filterIterator{fn: args[0], it: it}, nil
}

func (f *filterIterator) Type() *py.Type                { return filterType }
func (f *filterIterator) M__iter__() (py.Object, error) { return f, nil }

// M__next__ returns the next item that is true (fn None) or for which fn
// returns something true.
func (f *filterIterator) M__next__() (py.Object, error) {
	for {
		item, err := nextOf(f.it)
		if err != nil {
			return nil, err
		}
		if item == nil {
			return nil, py.StopIteration
		}
		verdict := item
		if f.fn != py.None && f.fn != py.BoolType {
			if verdict, err = callObject(f.fn, item); err != nil {
				return nil, err
			}
		}
		keep, err := isTrue(verdict)
		if err != nil {
			return nil, err
		}
		if keep {
			return item, nil
		}
	}
}

type zipIterator struct {
	its    py.Tuple
	strict bool
	done   bool
}

func newZip(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var strictObj py.Object = py.False
	if err := keywordOnly("zip", kwargs, []string{"strict"}, &strictObj); err != nil {
		return nil, err
	}
	strict, err := isTrue(strictObj)
	if err != nil {
		return nil, err
	}
	its, err := iterators(args)
	if err != nil {
		return nil, err
	}
	return &zipIterator{its: its, strict: strict}, nil
}

func (z *zipIterator) Type() *py.Type                { return zipType }
func (z *zipIterator) M__iter__() (py.Object, error) { return z, nil }

// M__next__ ends with the shortest iterable; with strict=True iterables
// of unequal length raise ValueError as in CPython.
func (z *zipIterator) M__next__() (py.Object, error) {
	if z.done || len(z.its) == 0 {
		return nil, py.StopIteration
	}
	row := make(py.Tuple, len(z.its))
	for i, it := range z.its {
		item, err := nextOf(it)
		if err != nil {
			return nil, err
		}
		if item == nil {
			z.done = true
			if z.strict {
				return nil, z.lengthMismatch(i)
			}
			return nil, py.StopIteration
		}
		row[i] = item
	}
	return row, nil
}

// lengthMismatch words strict zip's error once iterable i ran out: it is
// shorter than those before it, or a later one is longer.
func (z *zipIterator) lengthMismatch(i int) error {
	if i > 0 {
		return py.ExceptionNewf(py.ValueError, "zip() argument %d is shorter than %s", i+1, zipPeers(i))
	}
	for j := 1; j < len(z.its); j++ {
		item, err := nextOf(z.its[j])
		if err != nil {
			return err
		}
		if item != nil {
			return py.ExceptionNewf(py.ValueError, "zip() argument %d is longer than %s", j+1, zipPeers(j))
		}
	}
	return py.StopIteration
}

// zipPeers names the n arguments before the odd one out.
func zipPeers(n int) string {
	if n == 1 {
		return "argument 1"
	}
	return "arguments 1-" + strconv.Itoa(n)
}

var (
	_ py.I__next__ = (*mapIterator)(nil)
	_ py.I__next__ = (*filterIterator)(nil)
	_ py.I__next__ = (*zipIterator)(nil)
)

func builtinAny(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return anyAll("any", args, kwargs, true)
}

func builtinAll(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return anyAll("all", args, kwargs, false)
}

// anyAll stops at the first item whose truth equals stopAt.
func anyAll(fn string, args py.Tuple, kwargs py.StringDict, stopAt bool) (py.Object, error) {
	var iterable py.Object
	if err := unpack(fn, args, kwargs, 1, []string{"iterable"}, false, &iterable); err != nil {
		return nil, err
	}
	found := false
	err := iterate(iterable, func(item py.Object) (bool, error) {
		truth, err := isTrue(item)
		if err != nil {
			return false, err
		}
		found = truth == stopAt
		return !found, nil
	})
	if err != nil {
		return nil, err
	}
	return py.NewBool(found == stopAt), nil
}
