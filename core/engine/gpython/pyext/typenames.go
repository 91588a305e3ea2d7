package pyext

import (
	"github.com/go-python/gpython/py"
)

// installTypeNames makes `type(x).__name__` work. gpython gives classes
// no __name__ attribute, and its built-in types report `object` as their
// metatype, so attribute lookup on a class ends in object's dict. A
// property there answers for classes and raises AttributeError, as
// before, for instances, which gpython leaves nameless. Because every
// lookup now meets the property, it also stores `obj.__name__ = v` in the
// object's own dict, where reads find it first. object's own name stays
// out of reach: gpython reads a class's own dict without calling
// descriptors, so object.__name__ is the property itself.
func installTypeNames() {
	py.ObjectType.Dict["__name__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if cls, ok := asClass(self); ok {
				return py.String(cls.Name), nil
			}
			return nil, attributeError(self, "__name__")
		},
		Fset: func(self, value py.Object) error {
			if cls, ok := asClass(self); ok {
				name, ok := value.(py.String)
				if !ok {
					return py.ExceptionNewf(py.TypeError, "can only assign string to %s.__name__, not '%s'", cls.Name, typeName(value))
				}
				cls.Name = string(name)
				return nil
			}
			holder, ok := self.(py.IGetDict)
			if !ok || holder.GetDict() == nil {
				return attributeError(self, "__name__")
			}
			holder.GetDict()["__name__"] = value
			return nil
		},
		Fdel: func(self py.Object) error {
			if holder, ok := self.(py.IGetDict); ok {
				if _, found := holder.GetDict()["__name__"]; found {
					delete(holder.GetDict(), "__name__")
					return nil
				}
			}
			return attributeError(self, "__name__")
		},
	}
}
