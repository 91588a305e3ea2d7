package pyext

import (
	"github.com/go-python/gpython/py"
)

func builtinSorted(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "sorted expected 1 argument, got %d", len(args))
	}
	key, reverse, err := parseSortOptions("sort", kwargs)
	if err != nil {
		return nil, err
	}
	items, err := collect(args[0])
	if err != nil {
		return nil, err
	}
	if err := sortItems(items, key, reverse); err != nil {
		return nil, err
	}
	return &py.List{Items: items}, nil
}

func builtinMin(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return extreme("min", args, kwargs, false)
}

func builtinMax(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return extreme("max", args, kwargs, true)
}

// extreme is min (largest false) or max over one iterable or several
// arguments, keeping the first of equal items as CPython does.
func extreme(fn string, args py.Tuple, kwargs py.StringDict, largest bool) (py.Object, error) {
	var key, def py.Object = py.None, nil
	if err := keywordOnly(fn, kwargs, []string{"key", "default"}, &key, &def); err != nil {
		return nil, err
	}
	var source py.Object
	switch {
	case len(args) == 0:
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at least 1 argument, got 0", fn)
	case len(args) == 1:
		source = args[0]
	default:
		if def != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Cannot specify a default for %s() with multiple positional arguments", fn)
		}
		source = args
	}
	var best, bestKey py.Object
	err := iterate(source, func(item py.Object) (bool, error) {
		k := item
		if key != py.None {
			var err error
			if k, err = callObject(key, item); err != nil {
				return false, err
			}
		}
		if best == nil {
			best, bestKey = item, k
			return true, nil
		}
		var better bool
		var err error
		if largest {
			better, err = lessThan(bestKey, k)
		} else {
			better, err = lessThan(k, bestKey)
		}
		if better {
			best, bestKey = item, k
		}
		return err == nil, err
	})
	if err != nil {
		return nil, err
	}
	if best == nil {
		if def != nil {
			return def, nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s() arg is an empty sequence", fn)
	}
	return best, nil
}
