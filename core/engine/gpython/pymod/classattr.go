package pymod

import (
	"github.com/go-python/gpython/py"
)

// gpython looks a class attribute up only in the class's own dict and in
// its metaclass, not in its base classes, so a subclass of a namedtuple
// class would lose _make, _fields and the rest. Classes whose metaclass
// is ntMeta get CPython's lookup through this __getattribute__, which
// gpython consults for them.

func classGetAttribute(self py.Object, args py.Tuple) (py.Object, error) {
	var clsObj, nameObj py.Object
	if err := py.UnpackTuple(args, nil, "__getattribute__", 2, 2, &clsObj, &nameObj); err != nil {
		return nil, err
	}
	cls, ok := clsObj.(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__getattribute__ needs a class")
	}
	name, err := py.AttributeName(nameObj)
	if err != nil {
		return nil, err
	}
	v, ok := cls.Dict[name]
	if !ok {
		v = cls.Lookup(name)
	}
	if cm, isClassMethod := v.(*py.ClassMethod); isClassMethod {
		return cm.M__get__(py.None, cls)
	}
	if v != nil {
		return v, nil
	}
	switch name {
	case "__name__":
		return py.String(cls.Name), nil
	case "__qualname__":
		if cls.Qualname != "" {
			return py.String(cls.Qualname), nil
		}
		return py.String(cls.Name), nil
	case "__doc__":
		return py.String(cls.Doc), nil
	case "__bases__":
		return cls.Bases, nil
	case "__mro__":
		return cls.Mro, nil
	case "__dict__":
		return cls.Dict, nil
	}
	meta := cls.Type()
	if v := meta.NativeGetAttrOrNil(name); v != nil && name != "__getattribute__" {
		if d, ok := v.(py.I__get__); ok {
			return d.M__get__(cls, meta)
		}
		return v, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", cls.Name, name)
}
