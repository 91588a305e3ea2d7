package pyext

import (
	"github.com/go-python/gpython/py"
)

// gpython has no property builtin (its *py.Property serves Go types
// only). propertyObject is Python's: a data descriptor calling fget, fset
// and fdel, with the getter/setter/deleter decorators.

var propertyType = py.NewTypeX("property", "property(fget=None, fset=None, fdel=None, doc=None) -> property attribute",
	propertyNew, nil)

type propertyObject struct {
	fget, fset, fdel, doc py.Object
}

func (p *propertyObject) Type() *py.Type { return propertyType }

func propertyNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var fget, fset, fdel, doc py.Object = py.None, py.None, py.None, py.None
	if err := unpack("property", args, kwargs, 0, []string{"fget", "fset", "fdel", "doc"}, true, &fget, &fset, &fdel, &doc); err != nil {
		return nil, err
	}
	if doc == py.None && fget != py.None {
		if d, err := py.GetAttrString(fget, "__doc__"); err == nil {
			doc = d
		}
	}
	return &propertyObject{fget: fget, fset: fset, fdel: fdel, doc: doc}, nil
}

// M__get__ calls fget for an instance; read through the class, the
// property is itself.
func (p *propertyObject) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return p, nil
	}
	if p.fget == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property of '%s' object has no getter", typeName(instance))
	}
	return callObject(p.fget, instance)
}

func (p *propertyObject) M__set__(instance, value py.Object) (py.Object, error) {
	if p.fset == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property of '%s' object has no setter", typeName(instance))
	}
	if _, err := callObject(p.fset, instance, value); err != nil {
		return nil, err
	}
	return py.None, nil
}

func (p *propertyObject) M__delete__(instance py.Object) (py.Object, error) {
	if p.fdel == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property of '%s' object has no deleter", typeName(instance))
	}
	if _, err := callObject(p.fdel, instance); err != nil {
		return nil, err
	}
	return py.None, nil
}

// installProperty fills property's dict; after the type is readied,
// which would replace the __doc__ descriptor with the type's own doc.
func installProperty() {
	copyWith := func(name string, set func(p *propertyObject, fn py.Object)) {
		propertyType.Dict[name] = py.MustNewMethod(name, methodOf("property", name,
			func(p *propertyObject, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				var fn py.Object
				if err := unpack(name, args, kwargs, 1, []string{"func"}, false, &fn); err != nil {
					return nil, err
				}
				c := *p
				set(&c, fn)
				return &c, nil
			}), 0, "Descriptor to obtain a copy of the property with a different "+name+".")
	}
	copyWith("getter", func(p *propertyObject, fn py.Object) { p.fget = fn })
	copyWith("setter", func(p *propertyObject, fn py.Object) { p.fset = fn })
	copyWith("deleter", func(p *propertyObject, fn py.Object) { p.fdel = fn })
	for name, field := range map[string]func(p *propertyObject) py.Object{
		"fget":    func(p *propertyObject) py.Object { return p.fget },
		"fset":    func(p *propertyObject) py.Object { return p.fset },
		"fdel":    func(p *propertyObject) py.Object { return p.fdel },
		"__doc__": func(p *propertyObject) py.Object { return p.doc },
	} {
		propertyType.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			p, ok := self.(*propertyObject)
			if !ok {
				return nil, attributeError(self, name)
			}
			return field(p), nil
		}}
	}
}
