package pyext

import (
	"fmt"

	"github.com/go-python/gpython/py"
)

// gpython has no super. super(cls, obj) finds attributes in the classes
// that follow cls in the method resolution order of obj's class (or of
// obj itself when obj is a class, as in a classmethod), bound to obj.
// The zero-argument form super() is rewritten to super(__class__, self)
// before compiling.

var superType = py.NewTypeX("super", "super(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)",
	superNew, nil)

type superObject struct {
	cls     *py.Type  // the class whose successors are searched
	obj     py.Object // what found methods are bound to
	mro     *py.Type  // the class whose method resolution order is walked
	ofClass bool      // obj is a class: functions come back unbound
}

func (s *superObject) Type() *py.Type { return superType }

func superNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "super() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return nil, py.ExceptionNewf(py.RuntimeError, "super(): no arguments")
	case 1:
		return nil, py.ExceptionNewf(py.TypeError, "super() with one argument is not supported")
	case 2:
	default:
		return nil, py.ExceptionNewf(py.TypeError, "super() takes at most 2 arguments (%d given)", len(args))
	}
	cls, ok := asClass(args[0])
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "super() argument 1 must be a type, not %s", typeName(args[0]))
	}
	obj := args[1]
	if c, isClass := asClass(obj); isClass && isSubclass(c, cls) {
		return &superObject{cls: cls, obj: obj, mro: c, ofClass: true}, nil
	}
	if !isSubclass(obj.Type(), cls) {
		return nil, py.ExceptionNewf(py.TypeError, "super(type, obj): obj must be an instance or subtype of type")
	}
	return &superObject{cls: cls, obj: obj, mro: obj.Type()}, nil
}

// M__getattribute__ finds name after cls in the method resolution order.
func (s *superObject) M__getattribute__(name string) (py.Object, error) {
	switch name {
	case "__thisclass__":
		return s.cls, nil
	case "__self__":
		return s.obj, nil
	case "__class__":
		return superType, nil
	}
	found := false
	for _, b := range s.mro.Mro {
		t := b.(*py.Type)
		if !found {
			found = t == s.cls
			continue
		}
		if attr, ok := t.Dict[name]; ok {
			return s.bind(attr)
		}
	}
	if m, ok := objectMethods[name]; ok && !s.ofClass {
		return py.NewBoundMethod(s.obj, m), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'super' object has no attribute '%s'", name)
}

// bind gives attr as obj sees it: functions bound to an instance,
// classmethods bound to the class, anything else as it is.
func (s *superObject) bind(attr py.Object) (py.Object, error) {
	if s.ofClass {
		return classAttribute(attr, s.mro)
	}
	if d, ok := attr.(py.I__get__); ok {
		return d.M__get__(s.obj, s.mro)
	}
	return attr, nil
}

func (s *superObject) M__repr__() (py.Object, error) {
	r, err := Repr(s.obj)
	if err != nil {
		return nil, err
	}
	return py.String(fmt.Sprintf("<super: <class '%s'>, %s>", s.cls.Name, r)), nil
}
