package pyext

import (
	"fmt"
	"reflect"

	"github.com/go-python/gpython/py"
)

// gpython's object type has no methods in its dict, so super().__init__()
// and object.__setattr__(self, k, v), which classes call all the time,
// find nothing. objectMethods are what super() and attribute lookup on a
// class fall back to when nothing else in the method resolution order
// defines the name.
var objectMethods = map[string]*py.Method{}

func init() {
	for _, m := range []struct {
		name, doc string
		fn        func(self py.Object, args py.Tuple) (py.Object, error)
	}{
		{"__init__", "Initialize self.", objectInit},
		{"__setattr__", "Implement setattr(self, name, value).", objectSetattr},
		{"__delattr__", "Implement delattr(self, name).", objectDelattr},
		{"__getattribute__", "Return getattr(self, name).", objectGetattribute},
		{"__repr__", "Return repr(self).", objectRepr},
		{"__str__", "Return str(self).", objectStr},
		{"__eq__", "Return self==value.", objectEq},
		{"__ne__", "Return self!=value.", objectNe},
		{"__hash__", "Return hash(self).", objectHash},
		{"__format__", "Default object formatter.", objectFormat},
	} {
		fn := m.fn
		objectMethods[m.name] = py.MustNewMethod(m.name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if len(kwargs) > 0 {
				return nil, py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", m.name)
			}
			obj, rest, err := methodSelf(self, args, "object."+m.name)
			if err != nil {
				return nil, err
			}
			return fn(obj, rest)
		}, 0, m.doc)
	}
}

// methodSelf separates the object a method works on from its arguments:
// a bound method gets it as self, a method read from a class dict (or
// called as object.__init__(self)) as its first argument.
func methodSelf(self py.Object, args py.Tuple, fn string) (py.Object, py.Tuple, error) {
	if _, unbound := self.(*py.Module); !unbound && self != nil {
		return self, args, nil
	}
	if len(args) == 0 {
		return nil, nil, py.ExceptionNewf(py.TypeError, "unbound method %s() needs an argument", fn)
	}
	return args[0], args[1:], nil
}

func objectInit(_ py.Object, args py.Tuple) (py.Object, error) {
	if len(args) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
	}
	return py.None, nil
}

func methodAttrName(args py.Tuple, n int, fn string) (string, error) {
	if len(args) != n {
		return "", py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", fn, n, len(args))
	}
	name, ok := args[0].(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", typeName(args[0]))
	}
	return string(name), nil
}

// objectSetattr stores in the instance dict, unless the class has a
// descriptor with a setter (a property) for the name.
func objectSetattr(obj py.Object, args py.Tuple) (py.Object, error) {
	name, err := methodAttrName(args, 2, "__setattr__")
	if err != nil {
		return nil, err
	}
	if d, ok := obj.Type().NativeGetAttrOrNil(name).(py.I__set__); ok {
		return d.M__set__(obj, args[1])
	}
	holder, ok := obj.(py.IGetDict)
	if !ok || holder.GetDict() == nil {
		return nil, attributeError(obj, name)
	}
	holder.GetDict()[name] = args[1]
	return py.None, nil
}

func objectDelattr(obj py.Object, args py.Tuple) (py.Object, error) {
	name, err := methodAttrName(args, 1, "__delattr__")
	if err != nil {
		return nil, err
	}
	if d, ok := obj.Type().NativeGetAttrOrNil(name).(py.I__delete__); ok {
		return d.M__delete__(obj)
	}
	if holder, ok := obj.(py.IGetDict); ok {
		if _, found := holder.GetDict()[name]; found {
			delete(holder.GetDict(), name)
			return py.None, nil
		}
	}
	return nil, attributeError(obj, name)
}

// objectGetattribute reads the instance dict, then the class, without
// calling a __getattribute__ or __getattr__ the class defines.
func objectGetattribute(obj py.Object, args py.Tuple) (py.Object, error) {
	name, err := methodAttrName(args, 1, "__getattribute__")
	if err != nil {
		return nil, err
	}
	class := obj.Type()
	attr := class.NativeGetAttrOrNil(name)
	if _, isData := attr.(py.I__set__); isData {
		if g, ok := attr.(py.I__get__); ok {
			return g.M__get__(obj, class)
		}
	}
	if holder, ok := obj.(py.IGetDict); ok {
		if v, found := holder.GetDict()[name]; found {
			return v, nil
		}
	}
	if attr != nil {
		if g, ok := attr.(py.I__get__); ok {
			return g.M__get__(obj, class)
		}
		return attr, nil
	}
	return nil, attributeError(obj, name)
}

func objectRepr(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__repr__() takes no arguments (%d given)", len(args))
	}
	if cls, ok := asClass(obj); ok {
		return py.String(fmt.Sprintf("<class '%s'>", qualifiedName(cls))), nil
	}
	return py.String(fmt.Sprintf("<%s object at %p>", qualifiedName(obj.Type()), obj)), nil
}

func objectStr(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__str__() takes no arguments (%d given)", len(args))
	}
	s, err := Repr(obj)
	return py.String(s), err
}

func objectEq(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "expected 1 argument, got %d", len(args))
	}
	if sameObject(obj, args[0]) {
		return py.True, nil
	}
	return py.NotImplemented, nil
}

// objectNe inverts the class's __eq__, as CPython's default __ne__ does.
func objectNe(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "expected 1 argument, got %d", len(args))
	}
	res, found, err := callSpecial(obj, "__eq__", args[0])
	if !found {
		res, err = objectEq(obj, args)
	}
	if err != nil || res == py.NotImplemented {
		return res, err
	}
	truth, err := isTrue(res)
	return py.NewBool(!truth), err
}

func objectHash(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__hash__() takes no arguments (%d given)", len(args))
	}
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer {
		return nil, py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", typeName(obj))
	}
	return py.Int(int64(v.Pointer() >> 4)), nil
}

func objectFormat(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "__format__() takes exactly one argument (%d given)", len(args))
	}
	if spec, ok := args[0].(py.String); !ok || spec != "" {
		return nil, py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", typeName(obj))
	}
	s, err := Str(obj)
	return py.String(s), err
}
