package pymod

import (
	"github.com/go-python/gpython/py"
)

// Counter's own methods and operators.

func counterUpdate(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.None, counterMerge(d, args, kwargs, py.Add)
}

func counterSubtract(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.None, counterMerge(d, args, kwargs, py.Sub)
}

// counterMerge combines counts from a mapping, or counts one per element
// of an iterable, then the keyword arguments.
func counterMerge(d *odict, args py.Tuple, kwargs py.StringDict, op func(a, b py.Object) (py.Object, error)) error {
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "expected at most 1 argument, got %d", len(args))
	}
	combine := func(k, n py.Object) error {
		have, ok, err := d.lookup(k)
		if err != nil {
			return err
		}
		if !ok {
			have = py.Int(0)
		}
		sum, err := op(have, n)
		if err != nil {
			return err
		}
		return d.set(k, sum)
	}
	if len(args) == 1 && args[0] != py.None {
		src := args[0]
		if isMapping(src) {
			if err := eachPair(src, combine); err != nil {
				return err
			}
		} else {
			var combineErr error
			err := py.Iterate(src, func(k py.Object) bool {
				combineErr = combine(k, py.Int(1))
				return combineErr != nil
			})
			if err != nil {
				return err
			}
			if combineErr != nil {
				return combineErr
			}
		}
	}
	return eachPair(kwargs, combine)
}

func counterMostCommon(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var n py.Object = py.None
	if err := parseArgs("most_common", args, kwargs, []string{"n"}, 0, &n); err != nil {
		return nil, err
	}
	keys, values := d.pairs()
	if err := sortByCountDesc(keys, values); err != nil {
		return nil, err
	}
	limit, err := optInt(n, len(keys), "n")
	if err != nil {
		return nil, err
	}
	limit = min(max(limit, 0), len(keys))
	out := make([]py.Object, limit)
	for i := range out {
		out[i] = py.Tuple{keys[i], values[i]}
	}
	return newList(out), nil
}

// sortByCountDesc orders pairs by value, largest first, keeping insertion
// order among equal counts as CPython's stable sort does.
func sortByCountDesc(keys, values []py.Object) error {
	return stableSortPairs(keys, values, func(a, b int) (bool, error) { return lessThan(values[b], values[a]) })
}

func counterElements(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("elements", args, kwargs); err != nil {
		return nil, err
	}
	keys, values := d.pairs()
	return &elementsIter{keys: keys, counts: values}, nil
}

// elementsIter repeats each element as often as its count, lazily: a
// count may be huge.
type elementsIter struct {
	keys, counts []py.Object
	i, left      int
	started      bool
}

var elementsIterType = newGoType("itertools.chain", "Iterator over a Counter's elements.")

func (it *elementsIter) Type() *py.Type { return elementsIterType }

func (it *elementsIter) M__iter__() (py.Object, error) { return it, nil }

func (it *elementsIter) M__next__() (py.Object, error) {
	for it.left <= 0 {
		if it.started {
			it.i++
		}
		it.started = true
		if it.i >= len(it.keys) {
			return nil, py.StopIteration
		}
		n, err := goInt(it.counts[it.i], "count")
		if err != nil {
			return nil, err
		}
		it.left = n
	}
	it.left--
	return it.keys[it.i], nil
}

func counterTotal(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("total", args, kwargs); err != nil {
		return nil, err
	}
	var sum py.Object = py.Int(0)
	_, values := d.pairs()
	for _, v := range values {
		var err error
		if sum, err = py.Add(sum, v); err != nil {
			return nil, err
		}
	}
	return sum, nil
}

// countersEqual treats a missing element as a zero count (Python 3.10+).
func countersEqual(a, b *odict) (py.Object, error) {
	for _, pair := range [][2]*odict{{a, b}, {b, a}} {
		keys, values := pair[0].pairs()
		for i, k := range keys {
			other, err := pair[1].M__getitem__(k)
			if err != nil {
				return nil, err
			}
			if eq, err := equal(values[i], other); err != nil || !eq {
				return py.False, err
			}
		}
	}
	return py.True, nil
}

// counterCombine builds the result of a binary Counter operator: pick
// gives the new count for an element of a (with b's count, zero when
// missing), and for elements only in b; only positive results are kept.
func counterCombine(a py.Object, b py.Object, pick func(x, y py.Object) (py.Object, error), onlyB func(y py.Object) (py.Object, error)) (py.Object, error) {
	da, ok1 := a.(*odict)
	db, ok2 := b.(*odict)
	if !ok1 || !ok2 || da.cls != counterType || db.cls != counterType {
		return py.NotImplemented, nil
	}
	out := newOdict(counterType)
	keep := func(k, n py.Object) error {
		pos, err := lessThan(py.Int(0), n)
		if err != nil || !pos {
			return err
		}
		return out.set(k, n)
	}
	keys, values := da.pairs()
	for i, k := range keys {
		other, err := db.M__getitem__(k)
		if err != nil {
			return nil, err
		}
		n, err := pick(values[i], other)
		if err != nil {
			return nil, err
		}
		if err := keep(k, n); err != nil {
			return nil, err
		}
	}
	if onlyB == nil {
		return out, nil
	}
	keys, values = db.pairs()
	for i, k := range keys {
		if _, ok, _ := da.lookup(k); ok {
			continue
		}
		n, err := onlyB(values[i])
		if err != nil {
			return nil, err
		}
		if err := keep(k, n); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func identityCount(y py.Object) (py.Object, error) { return y, nil }

func (d *odict) M__add__(other py.Object) (py.Object, error) {
	return counterCombine(d, other, py.Add, identityCount)
}

func (d *odict) M__sub__(other py.Object) (py.Object, error) {
	return counterCombine(d, other, py.Sub, func(y py.Object) (py.Object, error) { return py.Sub(py.Int(0), y) })
}

func (d *odict) M__or__(other py.Object) (py.Object, error) {
	return counterCombine(d, other, func(x, y py.Object) (py.Object, error) {
		if less, err := lessThan(x, y); err != nil || less {
			return y, err
		}
		return x, nil
	}, identityCount)
}

func (d *odict) M__and__(other py.Object) (py.Object, error) {
	return counterCombine(d, other, func(x, y py.Object) (py.Object, error) {
		if less, err := lessThan(x, y); err != nil || less {
			return x, err
		}
		return y, nil
	}, nil)
}
