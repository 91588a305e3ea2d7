package pymod

import (
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
)

// functools: reduce, partial, wraps/update_wrapper, lru_cache/cache,
// cached_property and cmp_to_key.

var (
	wrapperAssignments = py.Tuple{py.String("__module__"), py.String("__name__"), py.String("__qualname__"), py.String("__doc__"), py.String("__annotations__")}
	wrapperUpdates     = py.Tuple{py.String("__dict__")}
)

func functoolsModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "functools", Doc: "Tools for working with functions and callable objects."},
		Methods: []*py.Method{
			method("reduce", functoolsReduce, "reduce(function, iterable[, initial]) -> value"),
			method("update_wrapper", functoolsUpdateWrapper, "Update a wrapper function to look like the wrapped function."),
			method("wraps", functoolsWraps, "Decorator factory to apply update_wrapper() to a wrapper function."),
			method("lru_cache", functoolsLRUCache, "Least-recently-used cache decorator."),
			method("cache", functoolsCache, "Simple lightweight unbounded cache.  Sometimes called \"memoize\"."),
			method("cmp_to_key", functoolsCmpToKey, "Convert a cmp= function into a key= function."),
		},
		Globals: py.StringDict{
			"partial":             partialType,
			"cached_property":     cachedPropertyType,
			"WRAPPER_ASSIGNMENTS": wrapperAssignments,
			"WRAPPER_UPDATES":     wrapperUpdates,
		},
	}
}

func functoolsReduce(self py.Object, args py.Tuple) (py.Object, error) {
	var fn, iterable, initial py.Object
	if err := py.UnpackTuple(args, nil, "reduce", 2, 3, &fn, &iterable, &initial); err != nil {
		return nil, err
	}
	acc := initial
	var callErr error
	err := py.Iterate(iterable, func(item py.Object) bool {
		if acc == nil {
			acc = item
			return false
		}
		acc, callErr = py.Call(fn, py.Tuple{acc, item}, nil)
		return callErr != nil
	})
	if err != nil {
		return nil, err
	}
	if callErr != nil {
		return nil, callErr
	}
	if acc == nil {
		return nil, py.ExceptionNewf(py.TypeError, "reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

func functoolsUpdateWrapper(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var wrapper, wrapped py.Object
	var assigned, updated py.Object = wrapperAssignments, wrapperUpdates
	if err := parseArgs("update_wrapper", args, kwargs, []string{"wrapper", "wrapped", "assigned", "updated"}, 2,
		&wrapper, &wrapped, &assigned, &updated); err != nil {
		return nil, err
	}
	return updateWrapper(wrapper, wrapped, assigned, updated)
}

// updateWrapper copies the assigned attributes that wrapped has, merges
// the updated dicts and sets __wrapped__. gpython functions keep __doc__
// and __module__ in Go fields rather than attributes; they are read from
// there.
func updateWrapper(wrapper, wrapped, assigned, updated py.Object) (py.Object, error) {
	err := eachWrappedAttr(wrapped, assigned, func(name string, value py.Object) error {
		return setWrapperAttr(wrapper, name, value)
	})
	if err != nil {
		return nil, err
	}
	err = eachWrappedAttr(wrapped, updated, func(name string, src py.Object) error {
		dst, err := py.GetAttrString(wrapper, name)
		if err != nil {
			return err
		}
		return mergeInto(dst, src)
	})
	if err != nil {
		return nil, err
	}
	if _, err := py.SetAttrString(wrapper, "__wrapped__", wrapped); err != nil {
		return nil, err
	}
	return wrapper, nil
}

// eachWrappedAttr calls fn with each attribute, of those the iterable
// names lists, that wrapped has.
func eachWrappedAttr(wrapped, names py.Object, fn func(name string, value py.Object) error) error {
	list, err := items(names)
	if err != nil {
		return err
	}
	for _, n := range list {
		name, err := strArg(n, "attribute name")
		if err != nil {
			return err
		}
		if value, ok := wrapperAttr(wrapped, name); ok {
			if err := fn(name, value); err != nil {
				return err
			}
		}
	}
	return nil
}

func wrapperAttr(o py.Object, name string) (py.Object, bool) {
	if f, ok := o.(*py.Function); ok {
		switch name {
		case "__doc__":
			if d, ok := f.Dict["__doc__"]; ok {
				return d, true
			}
			if f.Doc == nil {
				return py.None, true
			}
			return f.Doc, true
		case "__module__":
			if m, ok := f.Dict["__module__"]; ok {
				return m, true
			}
			if m, ok := f.Globals["__name__"]; ok {
				return m, true
			}
			return py.None, true
		case "__annotations__":
			if f.Annotations == nil {
				return py.StringDict{}, true
			}
			return f.Annotations, true
		}
	}
	v, err := py.GetAttrString(o, name)
	if err != nil {
		return nil, false
	}
	return v, true
}

func setWrapperAttr(o py.Object, name string, value py.Object) error {
	if f, ok := o.(*py.Function); ok {
		switch name {
		case "__doc__":
			f.Doc = value
			f.Dict["__doc__"] = value
			return nil
		case "__annotations__":
			if d, ok := value.(py.StringDict); ok {
				f.Annotations = d.Copy()
			}
			return nil
		}
	}
	_, err := py.SetAttrString(o, name, value)
	return err
}

// mergeInto does dst.update(src) for the dicts of two objects.
func mergeInto(dst, src py.Object) error {
	if d, ok := dst.(py.StringDict); ok {
		if s, ok := src.(py.StringDict); ok {
			for k, v := range s {
				d[k] = v
			}
			return nil
		}
	}
	_, err := callMethod(dst, "update", src)
	return err
}

func functoolsWraps(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var wrapped py.Object
	var assigned, updated py.Object = wrapperAssignments, wrapperUpdates
	if err := parseArgs("wraps", args, kwargs, []string{"wrapped", "assigned", "updated"}, 1, &wrapped, &assigned, &updated); err != nil {
		return nil, err
	}
	return method("wraps", func(_ py.Object, args py.Tuple) (py.Object, error) {
		var wrapper py.Object
		if err := py.UnpackTuple(args, nil, "wraps", 1, 1, &wrapper); err != nil {
			return nil, err
		}
		return updateWrapper(wrapper, wrapped, assigned, updated)
	}, "Apply update_wrapper() to the decorated function."), nil
}

// partial is functools.partial.
type partial struct {
	fn       py.Object
	args     py.Tuple
	keywords py.StringDict
	dict     py.StringDict
}

var partialType = func() *py.Type {
	t := py.NewTypeX("partial", "partial(func, *args, **keywords) - new function with partial application of the given arguments and keywords.", newPartial, nil)
	mustReady(t)
	addGetterOf(t, "func", func(recv *partial) (py.Object, error) { return recv.fn, nil })
	addGetterOf(t, "args", func(recv *partial) (py.Object, error) { return recv.args, nil })
	addGetterOf(t, "keywords", func(recv *partial) (py.Object, error) { return recv.keywords, nil })
	return t
}()

func newPartial(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "type 'partial' takes at least one argument")
	}
	fn := args[0]
	if _, ok := fn.(py.I__call__); !ok {
		return nil, py.ExceptionNewf(py.TypeError, "the first argument must be callable")
	}
	p := &partial{fn: fn, args: append(py.Tuple(nil), args[1:]...), keywords: py.StringDict{}, dict: py.StringDict{}}
	// Flatten a partial of a partial, as CPython does.
	if inner, ok := fn.(*partial); ok {
		p.fn = inner.fn
		p.args = append(append(py.Tuple(nil), inner.args...), p.args...)
		for k, v := range inner.keywords {
			p.keywords[k] = v
		}
	}
	for k, v := range kwargs {
		p.keywords[k] = v
	}
	return p, nil
}

func (p *partial) Type() *py.Type { return partialType }

func (p *partial) GetDict() py.StringDict { return p.dict }

func (p *partial) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	all := append(append(py.Tuple(nil), p.args...), args...)
	kw := p.keywords.Copy()
	for k, v := range kwargs {
		kw[k] = v
	}
	return py.Call(p.fn, all, kw)
}

func (p *partial) M__repr__() (py.Object, error) {
	parts := []string{}
	for _, o := range append(py.Tuple{p.fn}, p.args...) {
		r, err := reprOf(o)
		if err != nil {
			return nil, err
		}
		parts = append(parts, r)
	}
	names := make([]string, 0, len(p.keywords))
	for k := range p.keywords {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		r, err := reprOf(p.keywords[k])
		if err != nil {
			return nil, err
		}
		parts = append(parts, k+"="+r)
	}
	return py.String("functools.partial(" + strings.Join(parts, ", ") + ")"), nil
}

// M__get__ makes a partial stored in a class behave like CPython's, which
// does not bind: it is not a method.
func (p *partial) M__get__(instance, owner py.Object) (py.Object, error) { return p, nil }
