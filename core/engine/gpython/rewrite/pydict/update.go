package pydict

import (
	"sort"

	"github.com/go-python/gpython/py"
)

// newDict is dict(...): dict(), dict(mapping), dict(iterable of pairs),
// each optionally followed by keyword arguments.
func newDict(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	d := New()
	if len(args) == 1 {
		if err := d.Update(args[0]); err != nil {
			return nil, err
		}
	}
	d.UpdateKeywords(kwargs)
	return d, nil
}

// FromStringDict copies one of gpython's dicts. Their order is random, so
// the keys are taken in sorted order, which at least does not change from
// run to run.
func FromStringDict(sd py.StringDict) *Dict {
	d := NewSized(len(sd))
	d.UpdateKeywords(sd)
	return d
}

// UpdateKeywords adds the keys of one of gpython's dicts (keyword
// arguments) in sorted order.
func (d *Dict) UpdateKeywords(kwargs py.StringDict) {
	if len(kwargs) == 0 {
		return
	}
	keys := make([]string, 0, len(kwargs))
	for k := range kwargs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d.SetString(k, kwargs[k])
	}
}

// Update adds the keys of other as dict.update(other) does: other is a
// mapping (a dict, or an object with keys() and __getitem__) or an
// iterable of key/value pairs.
func (d *Dict) Update(other py.Object) error {
	switch o := other.(type) {
	case *Dict:
		if o == d {
			return nil
		}
		for _, e := range o.Copy().entries {
			if err := d.setHashed(e.key, e.value, e.hash); err != nil {
				return err
			}
		}
		return nil
	case py.StringDict:
		d.UpdateKeywords(o)
		return nil
	}
	if keys, err := py.GetAttrString(other, "keys"); err == nil {
		return d.updateFromMapping(other, keys)
	} else if !py.IsException(py.AttributeError, err) {
		return err
	}
	return d.updateFromPairs(other)
}

func (d *Dict) updateFromMapping(mapping, keysMethod py.Object) error {
	keys, err := py.Call(keysMethod, nil, nil)
	if err != nil {
		return err
	}
	var itemErr error
	err = py.Iterate(keys, func(key py.Object) bool {
		var value py.Object
		value, itemErr = py.GetItem(mapping, key)
		if itemErr == nil {
			itemErr = d.SetItem(key, value)
		}
		return itemErr != nil
	})
	if err != nil {
		return err
	}
	return itemErr
}

func (d *Dict) updateFromPairs(iterable py.Object) error {
	var itemErr error
	i := 0
	err := py.Iterate(iterable, func(item py.Object) bool {
		var pair py.Tuple
		pair, itemErr = asPair(item, i)
		if itemErr == nil {
			itemErr = d.SetItem(pair[0], pair[1])
		}
		i++
		return itemErr != nil
	})
	if err != nil {
		if py.IsException(py.TypeError, err) && i == 0 {
			return py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", iterable.Type().Name)
		}
		return err
	}
	return itemErr
}

// asPair reads one element of dict(iterable) as a key and a value.
func asPair(item py.Object, i int) (py.Tuple, error) {
	var pair py.Tuple
	switch x := item.(type) {
	case py.Tuple:
		pair = x
	case *py.List:
		pair = py.Tuple(x.Items)
	default:
		seq, err := py.SequenceTuple(item)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError,
				"cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		pair = seq
	}
	if len(pair) != 2 {
		return nil, py.ExceptionNewf(py.ValueError,
			"dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
	}
	return pair, nil
}

// ToStringDict converts d to gpython's dict, as keyword arguments need;
// every key must be a str.
func (d *Dict) ToStringDict() (py.StringDict, error) {
	sd := py.NewStringDictSized(d.live)
	for _, e := range d.entries {
		if e.key == nil {
			continue
		}
		k, ok := e.key.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "keywords must be strings")
		}
		sd[string(k)] = e.value
	}
	return sd, nil
}

// FromPairs makes a dict of keys[i]: values[i] in order. Its signature is
// pymod's DictMaker, so modules that build dicts (json.loads) can make
// this one: pymod.SetDictMaker(pydict.FromPairs).
func FromPairs(keys, values []py.Object) (py.Object, error) {
	if len(keys) != len(values) {
		return nil, py.ExceptionNewf(py.SystemError, "FromPairs: %d keys for %d values", len(keys), len(values))
	}
	d := NewSized(len(keys))
	for i, k := range keys {
		if err := d.SetItem(k, values[i]); err != nil {
			return nil, err
		}
	}
	return d, nil
}
