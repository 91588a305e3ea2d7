package rewrite

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

// gpython passes keyword arguments as its own dict, which has no order.
// Calls with several keywords go through callOrderedHelper, which keeps
// the order where it shows: in dict() and update(), and in the **kwargs
// parameter of the function called, which kwargsParamHelper fills in the
// order noted here.

// callOrderedHelper is __gowsgi_call_ordered__(fn, args, k1, v1, ...,
// starargs, mapping): fn(*args, k1=v1, ..., *starargs, **mapping), where
// starargs and mapping are None when the call has none. dict() and a
// dict's update() are filled in the keywords' order; any other callee is
// called with the order noted for its **kwargs parameter.
func callOrderedHelper(self py.Object, args py.Tuple) (py.Object, error) {
	n := len(args)
	if n < 4 || n%2 != 0 {
		return nil, py.ExceptionNewf(py.SystemError, "%s: bad arguments", helperCallOrdered)
	}
	fn, positional, pairs := args[0], args[1].(py.Tuple), args[2:n-2]
	starargs, mapping := args[n-2], args[n-1]
	if starargs != py.None {
		var err error
		if positional, err = withStarargs(fn, positional, starargs); err != nil {
			return nil, err
		}
	}
	if fn == pydict.Type || orderedTarget(fn) != nil {
		return callDictOrdered(fn, positional, pairs, mapping)
	}
	if m, ok := fn.(*py.Method); ok && m.Internal() != py.InternalMethodNone {
		return nil, py.ExceptionNewf(py.TypeError, "%s() cannot be called this way with keyword arguments", m.Name)
	}
	kwargs, order, err := orderedKeywords(fn, pairs, mapping)
	if err != nil {
		return nil, err
	}
	state, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	saved := state.kwargsOrder
	state.kwargsOrder = order
	res, err := py.Call(fn, positional, kwargs)
	state.kwargsOrder = saved
	return res, err
}

func withStarargs(fn py.Object, positional py.Tuple, starargs py.Object) (py.Tuple, error) {
	all := append(py.Tuple(nil), positional...)
	err := py.Iterate(starargs, func(item py.Object) bool {
		all = append(all, item)
		return false
	})
	if err != nil {
		if py.IsException(py.TypeError, err) {
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument after * must be an iterable, not %s",
				calleeName(fn), starargs.Type().Name)
		}
		return nil, err
	}
	return all, nil
}

// orderedKeywords gathers the keyword arguments of a call as gpython's
// dict, and their order.
func orderedKeywords(fn py.Object, pairs py.Tuple, mapping py.Object) (py.StringDict, []string, error) {
	kwargs := py.NewStringDictSized(len(pairs) / 2)
	order := make([]string, 0, len(pairs)/2)
	add := func(k string, v py.Object) error {
		if _, dup := kwargs[k]; dup {
			return py.ExceptionNewf(py.TypeError, "%s() got multiple values for keyword argument '%s'", calleeName(fn), k)
		}
		kwargs[k] = v
		order = append(order, k)
		return nil
	}
	for i := 0; i < len(pairs); i += 2 {
		if err := add(string(pairs[i].(py.String)), pairs[i+1]); err != nil {
			return nil, nil, err
		}
	}
	if mapping == py.None {
		return kwargs, order, nil
	}
	extra, err := keywordMapping(fn, mapping)
	if err != nil {
		return nil, nil, err
	}
	var addErr error
	extra.Range(func(k, v py.Object) bool {
		addErr = add(string(k.(py.String)), v)
		return addErr == nil
	})
	return kwargs, order, addErr
}

// keywordMapping reads the mapping of **mapping in order; its keys must
// be str.
func keywordMapping(fn, mapping py.Object) (*pydict.Dict, error) {
	var d *pydict.Dict
	switch m := mapping.(type) {
	case *pydict.Dict:
		d = m
	case py.StringDict:
		d = pydict.FromStringDict(m)
	default:
		if _, err := py.GetAttrString(mapping, "keys"); err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument after ** must be a mapping, not %s",
				calleeName(fn), mapping.Type().Name)
		}
		d = pydict.New()
		if err := d.Update(mapping); err != nil {
			return nil, err
		}
	}
	if _, err := d.ToStringDict(); err != nil {
		return nil, err
	}
	return d, nil
}

// calleeName names a callable in error messages.
func calleeName(fn py.Object) string {
	switch f := fn.(type) {
	case *py.Function:
		return f.Name
	case *py.Method:
		return f.Name
	case *py.Type:
		return f.Name
	}
	return fn.Type().Name
}

// callDictOrdered is dict(...) or d.update(...) with the keywords in
// order.
func callDictOrdered(fn py.Object, positional, pairs py.Tuple, mapping py.Object) (py.Object, error) {
	if len(positional) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at most 1 argument, got %d", calleeName(fn), len(positional))
	}
	d := orderedTarget(fn)
	result := py.Object(py.None)
	if d == nil {
		d = pydict.New()
		result = d
	}
	if len(positional) == 1 {
		if err := d.Update(positional[0]); err != nil {
			return nil, err
		}
	}
	for i := 0; i < len(pairs); i += 2 {
		if err := d.SetItem(pairs[i], pairs[i+1]); err != nil {
			return nil, err
		}
	}
	if mapping != py.None {
		keywords, err := keywordMapping(fn, mapping)
		if err != nil {
			return nil, err
		}
		if err := d.Update(keywords); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// orderedTarget returns the dict whose update method fn is bound to.
func orderedTarget(fn py.Object) *pydict.Dict {
	bm, ok := fn.(*py.BoundMethod)
	if !ok || bm.Method != pydict.Type.Dict["update"] {
		return nil
	}
	d, _ := bm.Self.(*pydict.Dict)
	return d
}
