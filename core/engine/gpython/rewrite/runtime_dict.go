package rewrite

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

// dictHelper is __gowsgi_dict__(k1, v1, k2, v2, ...), a dict display.
func dictHelper(_ py.Object, args py.Tuple) (py.Object, error) {
	d := pydict.NewSized(len(args) / 2)
	for i := 0; i+1 < len(args); i += 2 {
		if err := d.SetItem(args[i], args[i+1]); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// dictPairsHelper is __gowsgi_dict_pairs__(pairs), a dict comprehension
// whose (key, value) pairs a list comprehension made.
func dictPairsHelper(_, pairs py.Object) (py.Object, error) {
	list, ok := pairs.(*py.List)
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "%s expects a list", helperDictPairs)
	}
	d := pydict.NewSized(len(list.Items))
	for _, item := range list.Items {
		pair := item.(py.Tuple)
		if err := d.SetItem(pair[0], pair[1]); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// kwargsHelper is __gowsgi_kwargs__(m) for f(**m): gpython takes only its
// own dict there.
func kwargsHelper(_, m py.Object) (py.Object, error) {
	switch x := m.(type) {
	case py.StringDict:
		return x, nil
	case *pydict.Dict:
		return x.ToStringDict()
	}
	if _, err := py.GetAttrString(m, "keys"); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "argument after ** must be a mapping, not %s", m.Type().Name)
	}
	d := pydict.New()
	if err := d.Update(m); err != nil {
		return nil, err
	}
	return d.ToStringDict()
}

// kwargsParamHelper is __gowsgi_kwargs_param__(kw): a **kwargs parameter
// as a dict of the rewritten code, in the order the call wrote the
// keywords when the call noted it, else sorted.
func kwargsParamHelper(self, kw py.Object) (py.Object, error) {
	sd, ok := kw.(py.StringDict)
	if !ok {
		return kw, nil
	}
	state, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	order := state.kwargsOrder
	state.kwargsOrder = nil // taken by this call, not by the calls it makes
	d := pydict.NewSized(len(sd))
	for _, k := range order {
		if v, ok := sd[k]; ok {
			d.SetString(k, v)
		}
	}
	if d.Len() != len(sd) {
		return pydict.FromStringDict(sd), nil // the order noted was another call's
	}
	return d, nil
}

// wrapIsinstance makes isinstance(x, dict) true for gpython's own dicts
// too (keyword arguments, module and instance dictionaries), now that the
// name dict means the ordered dict.
func wrapIsinstance(impl *py.ModuleImpl) {
	for i, m := range impl.Methods {
		if m.Name != "isinstance" {
			continue
		}
		original := m
		impl.Methods[i] = py.MustNewMethod("isinstance", func(self py.Object, args py.Tuple) (py.Object, error) {
			if len(args) == 2 {
				if _, isStringDict := args[0].(py.StringDict); isStringDict && namesDict(args[1]) {
					return py.True, nil
				}
			}
			return original.Call(self, args)
		}, 0, original.Doc)
		return
	}
}

func namesDict(classOrTuple py.Object) bool {
	if classOrTuple == pydict.Type {
		return true
	}
	if t, ok := classOrTuple.(py.Tuple); ok {
		for _, c := range t {
			if namesDict(c) {
				return true
			}
		}
	}
	return false
}

// namespaceHelper is __gowsgi_namespace__(ns): gpython's dict for an
// ordered one, anything else unchanged for gpython to judge.
func namespaceHelper(_, ns py.Object) (py.Object, error) {
	if d, ok := ns.(*pydict.Dict); ok {
		return d.ToStringDict()
	}
	return ns, nil
}
