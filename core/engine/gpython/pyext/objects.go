package pyext

import (
	"reflect"

	"github.com/go-python/gpython/py"
)

// gpython represents both classes and their instances as *py.Type, and
// its protocol helpers (py.Str, py.Iter, py.Call, py.Eq) neither follow
// an instance's class MRO for special methods nor call __call__, __eq__
// or __lt__ defined in Python. These helpers do, so that builtins given
// user objects behave as in CPython.

// typeName is the name CPython uses for obj's type in messages.
func typeName(obj py.Object) string {
	return obj.Type().Name
}

// asInstance returns obj as an instance of a Python class. gpython marks
// classes with a name and leaves instances nameless.
func asInstance(obj py.Object) (*py.Type, bool) {
	t, ok := obj.(*py.Type)
	if !ok || t.Name != "" || t.Type().IsSubtype(py.TypeType) {
		return nil, false
	}
	return t, true
}

// asClass returns obj when it is a class (built-in or Python-defined).
func asClass(obj py.Object) (*py.Type, bool) {
	t, ok := obj.(*py.Type)
	if !ok {
		return nil, false
	}
	if _, inst := asInstance(t); inst {
		return nil, false
	}
	return t, true
}

// special finds a special method on inst's class, bound to inst.
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

// callSpecial calls a special method of a Python instance; found is
// false when obj is not an instance or its class lacks the method.
func callSpecial(obj py.Object, name string, args ...py.Object) (res py.Object, found bool, err error) {
	inst, ok := asInstance(obj)
	if !ok {
		return nil, false, nil
	}
	fn, found, err := special(inst, name)
	if !found || err != nil {
		return nil, found, err
	}
	res, err = py.Call(fn, args, nil)
	return res, true, err
}

// callObject calls fn(*args), including instances that define __call__.
func callObject(fn py.Object, args ...py.Object) (py.Object, error) {
	if inst, ok := asInstance(fn); ok {
		call, found, err := special(inst, "__call__")
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", typeName(fn))
		}
		return py.Call(call, args, nil)
	}
	if _, ok := fn.(py.I__call__); !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", typeName(fn))
	}
	return py.Call(fn, args, nil)
}

// isCallable is callable(obj).
func isCallable(obj py.Object) bool {
	if inst, ok := asInstance(obj); ok {
		return inst.Type().Lookup("__call__") != nil
	}
	_, ok := obj.(py.I__call__)
	return ok
}

// Iter is iter(obj), finding __iter__ on an instance's class and
// iterating bytes, which gpython's iter() refuses.
func Iter(obj py.Object) (py.Object, error) { return iterOf(obj) }

func iterOf(obj py.Object) (py.Object, error) {
	if b, ok := obj.(py.Bytes); ok {
		items := make(py.Tuple, len(b))
		for i, c := range b {
			items[i] = py.Int(c)
		}
		return py.NewIterator(items), nil
	}
	res, found, err := callSpecial(obj, "__iter__")
	if found {
		if err == nil && !isIterator(res) {
			return nil, py.ExceptionNewf(py.TypeError, "iter() returned non-iterator of type '%s'", typeName(res))
		}
		return res, err
	}
	return py.Iter(obj)
}

// isIterator reports an object with a __next__.
func isIterator(obj py.Object) bool {
	if _, ok := obj.(py.I__next__); ok {
		return true
	}
	if inst, ok := asInstance(obj); ok {
		return inst.Type().Lookup("__next__") != nil
	}
	return false
}

// nextOf is next(it), finding __next__ on an instance's class. It
// returns a nil object and no error at the end of the iteration.
func nextOf(it py.Object) (py.Object, error) {
	res, found, err := callSpecial(it, "__next__")
	if !found {
		res, err = py.Next(it)
	}
	if err != nil {
		if py.IsException(py.StopIteration, err) {
			return nil, nil
		}
		return nil, err
	}
	return res, nil
}

// iterate calls fn for each item of obj until fn returns false or an
// error. str and bytes are walked directly: gpython's iter() does not
// accept bytes.
func iterate(obj py.Object, fn func(py.Object) (bool, error)) error {
	switch seq := obj.(type) {
	case py.Tuple:
		return iterateItems(seq, fn)
	case *py.List:
		return iterateItems(seq.Items, fn)
	case py.String:
		for _, r := range string(seq) {
			if more, err := fn(py.String(r)); err != nil || !more {
				return err
			}
		}
		return nil
	case py.Bytes:
		for _, c := range seq {
			if more, err := fn(py.Int(c)); err != nil || !more {
				return err
			}
		}
		return nil
	}
	it, err := iterOf(obj)
	if err != nil {
		return err
	}
	for {
		item, err := nextOf(it)
		if err != nil || item == nil {
			return err
		}
		more, err := fn(item)
		if err != nil || !more {
			return err
		}
	}
}

func iterateItems(items []py.Object, fn func(py.Object) (bool, error)) error {
	for i := 0; i < len(items); i++ {
		more, err := fn(items[i])
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// collect returns the items of an iterable as a fresh slice.
func collect(obj py.Object) ([]py.Object, error) {
	switch seq := obj.(type) {
	case py.Tuple:
		return append([]py.Object(nil), seq...), nil
	case *py.List:
		return append([]py.Object(nil), seq.Items...), nil
	}
	var items []py.Object
	err := iterate(obj, func(item py.Object) (bool, error) {
		items = append(items, item)
		return true, nil
	})
	return items, err
}

// strOf is str(obj); see Str.
func strOf(obj py.Object) (string, error) { return Str(obj) }

// reprOf is repr(obj); see Repr.
func reprOf(obj py.Object) (string, error) { return Repr(obj) }

func asResultString(res py.Object, err error, method string) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := res.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s returned non-string (type %s)", method, typeName(res))
	}
	return string(s), nil
}

// sameObject reports identity for the reference types where gpython's
// values have it (pointers and maps); Go cannot compare slices.
func sameObject(a, b py.Object) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	switch va.Kind() {
	case reflect.Pointer, reflect.Map:
		return va.Pointer() == vb.Pointer()
	}
	return false
}

// isTrue is bool(obj), finding __bool__ and __len__ on an instance's
// class and giving bytes the length-based truth gpython lacks.
func isTrue(obj py.Object) (bool, error) {
	if b, ok := obj.(py.Bytes); ok {
		return len(b) > 0, nil
	}
	if res, found, err := callSpecial(obj, "__bool__"); found {
		if err != nil {
			return false, err
		}
		b, ok := res.(py.Bool)
		if !ok {
			return false, py.ExceptionNewf(py.TypeError, "__bool__ should return bool, returned %s", typeName(res))
		}
		return bool(b), nil
	}
	if res, found, err := callSpecial(obj, "__len__"); found {
		if err != nil {
			return false, err
		}
		n, err := toInt(res)
		return n != 0, err
	}
	return py.ObjectIsTrue(obj)
}

// attributeError matches CPython's wording for a missing attribute.
func attributeError(obj py.Object, name string) error {
	if cls, ok := asClass(obj); ok {
		return py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", cls.Name, name)
	}
	return py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", typeName(obj), name)
}
