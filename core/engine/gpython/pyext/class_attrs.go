package pyext

import (
	"github.com/go-python/gpython/py"
)

// gpython reads an attribute of a class from the class's own dict and
// then from its metaclass, never from its bases (B.CONSTANT fails when A
// defines it, and so does Base.method(self)), and returns what it finds
// there without calling __get__ (A.make() fails for a classmethod).
// Attribute lookup calls __getattribute__ when the object's type dict has
// one; for a class, that is the dict of type, which instances never
// consult. type.__getattribute__ is therefore set to classGetattribute,
// which looks up classes as CPython does.

func installClassAttributes() {
	py.TypeType.Dict["__getattribute__"] = py.MustNewMethod("__getattribute__", classGetattribute, 0,
		"Return getattr(self, name).")
	py.ObjectType.Dict["__class__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) { return self.Type(), nil },
	}
	py.ObjectType.Dict["__dict__"] = &py.Property{Fget: objectDict}
	// gpython keeps a function's docstring but does not show it.
	py.FunctionType.Dict["__doc__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if f, ok := self.(*py.Function); ok && f.Doc != nil {
				return f.Doc, nil
			}
			return py.None, nil
		},
		Fset: func(self, value py.Object) error {
			f, ok := self.(*py.Function)
			if !ok {
				return attributeError(self, "__doc__")
			}
			f.Doc = value
			return nil
		},
	}
	fixExceptionMetaclasses()
}

// classGetattribute is type.__getattribute__(cls, name).
func classGetattribute(_ py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "expected 2 arguments, got %d", len(args))
	}
	cls, ok := args[0].(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor '__getattribute__' requires a 'type' object")
	}
	name, ok := args[1].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", typeName(args[1]))
	}
	return classAttr(cls, string(name))
}

func classAttr(cls *py.Type, name string) (py.Object, error) {
	if name == "__doc__" {
		// Not inherited: a class without a docstring has None.
		if doc, ok := cls.Dict["__doc__"]; ok {
			return doc, nil
		}
		return py.None, nil
	}
	meta := cls.Type()
	metaAttr := lookup(meta, name)
	if _, isData := metaAttr.(py.I__set__); isData {
		if d, ok := metaAttr.(py.I__get__); ok {
			return d.M__get__(cls, meta)
		}
	}
	if attr := lookup(cls, name); attr != nil {
		return classAttribute(attr, cls)
	}
	if metaAttr != nil {
		if d, ok := metaAttr.(py.I__get__); ok {
			return d.M__get__(cls, meta)
		}
		return metaAttr, nil
	}
	switch name {
	case "__qualname__":
		if cls.Qualname != "" {
			return py.String(cls.Qualname), nil
		}
		return py.String(cls.Name), nil
	case "__mro__":
		return append(py.Tuple(nil), cls.Mro...), nil
	case "__bases__":
		return append(py.Tuple(nil), cls.Bases...), nil
	case "__base__":
		if cls.Base == nil {
			return py.None, nil
		}
		return cls.Base, nil
	case "__module__":
		return py.String("builtins"), nil
	}
	if m, ok := objectMethods[name]; ok {
		return m, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", cls.Name, name)
}

// lookup finds name in t's method resolution order, or along its base
// chain for a type gpython never readied.
func lookup(t *py.Type, name string) py.Object {
	if len(t.Mro) > 0 {
		return t.Lookup(name)
	}
	for ; t != nil; t = t.Base {
		if v, ok := t.Dict[name]; ok {
			return v
		}
	}
	return nil
}

// classAttribute is attr, found in a class's dict, as read through the
// class: functions unbound, classmethods bound to cls, properties as
// themselves.
func classAttribute(attr py.Object, cls *py.Type) (py.Object, error) {
	switch attr.(type) {
	case *py.Function, *py.Method, *py.Property:
		return attr, nil
	}
	if d, ok := attr.(py.I__get__); ok {
		return d.M__get__(py.None, cls)
	}
	return attr, nil
}

// objectDict is obj.__dict__: the instance's (or class's) own dict.
func objectDict(self py.Object) (py.Object, error) {
	if holder, ok := self.(py.IGetDict); ok && holder.GetDict() != nil {
		return holder.GetDict(), nil
	}
	return nil, attributeError(self, "__dict__")
}

// fixExceptionMetaclasses makes type the metaclass of gpython's exception
// classes. gpython makes each one the metaclass of its subclasses (the
// class of ValueError is Exception), so a class statement deriving from
// an exception called the base exception to build the class, and made an
// exception instance instead. Built-in types such as str, int and list
// had object as their metaclass, so deriving from them failed with
// "object() takes no parameters"; with type as their metaclass, the
// class statement now says they are not acceptable base types, as
// nothing would make their instances behave (dict is, see
// RegisterSubclassable).
func fixExceptionMetaclasses() {
	for _, v := range py.GetModuleImpl("builtins").Globals {
		t, ok := v.(*py.Type)
		if !ok || t == py.ObjectType || t.ObjectType == nil || t.ObjectType.IsSubtype(py.TypeType) {
			continue
		}
		t.ObjectType = py.TypeType
		if t.Flags&py.TPFLAGS_BASE_EXC_SUBCLASS == 0 {
			t.Flags &^= py.TPFLAGS_BASETYPE
		}
	}
}
