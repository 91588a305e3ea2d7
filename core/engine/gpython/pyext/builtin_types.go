package pyext

import (
	"github.com/go-python/gpython/py"
)

func builtinIsinstance(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj, classinfo py.Object
	if err := unpack("isinstance", args, kwargs, 2, []string{"obj", "class_or_tuple"}, false, &obj, &classinfo); err != nil {
		return nil, err
	}
	ok, err := matchesClass(obj.Type(), classinfo, "isinstance() arg 2 must be a type, a tuple of types, or a union")
	return py.NewBool(ok), err
}

func builtinIssubclass(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var cls, classinfo py.Object
	if err := unpack("issubclass", args, kwargs, 2, []string{"cls", "class_or_tuple"}, false, &cls, &classinfo); err != nil {
		return nil, err
	}
	t, isClass := asClass(cls)
	if !isClass {
		return nil, py.ExceptionNewf(py.TypeError, "issubclass() arg 1 must be a class")
	}
	ok, err := matchesClass(t, classinfo, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	return py.NewBool(ok), err
}

// matchesClass tells whether t is classinfo, a subclass of it, or of any
// class in a (possibly nested) tuple of them.
func matchesClass(t *py.Type, classinfo py.Object, usage string) (bool, error) {
	if classes, ok := classinfo.(py.Tuple); ok {
		for _, c := range classes {
			match, err := matchesClass(t, c, usage)
			if err != nil || match {
				return match, err
			}
		}
		return false, nil
	}
	c, ok := asClass(classinfo)
	if !ok {
		return false, py.ExceptionNewf(py.TypeError, "%s", usage)
	}
	return isSubclass(t, c), nil
}

// isSubclass is issubclass for two classes. gpython's bool does not
// derive from int as CPython's does.
func isSubclass(t, c *py.Type) bool {
	if t == c || c == py.ObjectType {
		return true
	}
	if t == py.BoolType && c == py.IntType {
		return true
	}
	return t.IsSubtype(c)
}

func builtinCallable(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj py.Object
	if err := unpack("callable", args, kwargs, 1, []string{"obj"}, false, &obj); err != nil {
		return nil, err
	}
	return py.NewBool(isCallable(obj)), nil
}

// attrName checks the name argument of getattr and hasattr.
func attrName(o py.Object) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", typeName(o))
	}
	return string(s), nil
}

// builtinGetattr falls back to the default only for AttributeError.
func builtinGetattr(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "getattr() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 3 {
		return nil, py.ExceptionNewf(py.TypeError, "getattr expected 2 or 3 arguments, got %d", len(args))
	}
	name, err := attrName(args[1])
	if err != nil {
		return nil, err
	}
	res, err := getAttr(args[0], name)
	if err != nil && len(args) == 3 && py.IsException(py.AttributeError, err) {
		return args[2], nil
	}
	return res, err
}

func builtinHasattr(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj, nameObj py.Object
	if err := unpack("hasattr", args, kwargs, 2, []string{"obj", "name"}, false, &obj, &nameObj); err != nil {
		return nil, err
	}
	name, err := attrName(nameObj)
	if err != nil {
		return nil, err
	}
	if _, err := getAttr(obj, name); err != nil {
		if py.IsException(py.AttributeError, err) {
			return py.False, nil
		}
		return nil, err
	}
	return py.True, nil
}

func builtinFormat(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var value, specObj py.Object = nil, py.String("")
	if err := unpack("format", args, kwargs, 1, []string{"value", "format_spec"}, false, &value, &specObj); err != nil {
		return nil, err
	}
	spec, ok := specObj.(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "format() argument 2 must be str, not %s", typeName(specObj))
	}
	return Format(value, string(spec))
}

// builtinLen adds bytes, which gpython's len() does not know, and a
// __len__ inherited by a Python class.
func builtinLen(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj py.Object
	if err := unpack("len", args, kwargs, 1, []string{"obj"}, false, &obj); err != nil {
		return nil, err
	}
	if b, ok := obj.(py.Bytes); ok {
		return py.Int(len(b)), nil
	}
	if res, found, err := callSpecial(obj, "__len__"); found {
		return res, err
	}
	return py.Len(obj)
}
