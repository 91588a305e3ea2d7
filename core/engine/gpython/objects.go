package gpython

import "github.com/go-python/gpython/py"

// gpython represents instances of Python classes as *py.Type values, and
// its generic protocol helpers do not follow the class's MRO for special
// methods: calling an instance ignores __call__, and an __iter__ inherited
// from a base class is not found. These helpers look special methods up
// on the class the way CPython does.

// asInstance returns obj as an instance of a Python class, or false when
// it is something else (a class, a function, a built-in value).
func asInstance(obj py.Object) (*py.Type, bool) {
	t, ok := obj.(*py.Type)
	if !ok || t.Type().IsSubtype(py.TypeType) {
		return nil, false
	}
	return t, true
}

// special finds a special method on inst's class and binds it to inst.
func special(inst *py.Type, name string) (py.Object, bool, error) {
	attr := inst.Type().Lookup(name)
	if attr == nil {
		return nil, false, nil
	}
	if descr, ok := attr.(py.I__get__); ok {
		bound, err := descr.M__get__(inst, inst.Type())
		return bound, true, err
	}
	return attr, true, nil
}

func isCallable(obj py.Object) bool {
	if inst, ok := asInstance(obj); ok {
		return inst.Type().Lookup("__call__") != nil
	}
	_, ok := obj.(py.I__call__)
	return ok
}

// callObject calls fn(*args), including instances that define __call__.
func callObject(fn py.Object, args py.Tuple) (py.Object, error) {
	inst, ok := asInstance(fn)
	if !ok {
		return py.Call(fn, args, nil)
	}
	call, found, err := special(inst, "__call__")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", inst.Type().Name)
	}
	return py.Call(call, args, nil)
}

// iterOf is iter(obj).
func iterOf(obj py.Object) (py.Object, error) {
	inst, ok := asInstance(obj)
	if !ok {
		return py.Iter(obj)
	}
	iter, found, err := special(inst, "__iter__")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", inst.Type().Name)
	}
	return py.Call(iter, nil, nil)
}

// nextOf is next(it); the end shows as a StopIteration error.
func nextOf(it py.Object) (py.Object, error) {
	inst, ok := asInstance(it)
	if !ok {
		return py.Next(it)
	}
	next, found, err := special(inst, "__next__")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not an iterator", inst.Type().Name)
	}
	return py.Call(next, nil, nil)
}

// callMethod calls obj.name(*args) when obj has that attribute; found is
// false when it has not.
func callMethod(obj py.Object, name string, args ...py.Object) (result py.Object, found bool, err error) {
	method, err := py.GetAttrString(obj, name)
	if err != nil {
		if py.IsException(py.AttributeError, err) {
			return nil, false, nil
		}
		return nil, true, err
	}
	result, err = callObject(method, args)
	return result, true, err
}
