package pydict

import (
	"github.com/go-python/gpython/py"
)

// Python classes may derive from dict (class Headers(dict)). Their
// instances are Dicts that know their class: Type() answers it, the
// special methods the class defines replace the dict's own (gpython's VM
// calls the Go ones), __missing__ answers for absent keys, and
// attributes live beside the items. dict's own special methods are in
// its type dict as well, for super() and dict.__setitem__(self, k, v) to
// reach.

func init() {
	Type.Flags |= py.TPFLAGS_BASETYPE
	base := []struct {
		name, doc string
		fn        func(d *Dict, args py.Tuple) (py.Object, error)
		n         int
	}{
		{"__getitem__", "Return self[key].", func(d *Dict, a py.Tuple) (py.Object, error) { return d.getItem(a[0]) }, 1},
		{"__setitem__", "Set self[key] to value.", func(d *Dict, a py.Tuple) (py.Object, error) { return d.setItem(a[0], a[1]) }, 2},
		{"__delitem__", "Delete self[key].", func(d *Dict, a py.Tuple) (py.Object, error) { return d.delItem(a[0]) }, 1},
		{"__contains__", "True if the dictionary has the specified key, else False.", func(d *Dict, a py.Tuple) (py.Object, error) { return d.contains(a[0]) }, 1},
		{"__len__", "Return len(self).", func(d *Dict, _ py.Tuple) (py.Object, error) { return py.Int(d.live), nil }, 0},
		{"__iter__", "Implement iter(self).", func(d *Dict, _ py.Tuple) (py.Object, error) { return newIterator(d, keysView), nil }, 0},
		{"__repr__", "Return repr(self).", func(d *Dict, _ py.Tuple) (py.Object, error) { return d.repr() }, 0},
	}
	for _, m := range base {
		Type.Dict[m.name] = py.MustNewMethod(m.name, bound(m.name, m.n, m.n, m.fn), 0, m.doc)
	}
	Type.Dict["__init__"] = py.MustNewMethod("__init__", initMethod, 0, "Initialize self from a mapping or iterable and keywords.")
}

// NewInstance makes an empty instance of cls, a Python class deriving
// from dict; Init fills it.
func NewInstance(cls *py.Type, _ py.Tuple, _ py.StringDict) (py.Object, error) {
	return &Dict{class: cls, attrs: py.StringDict{}}, nil
}

// Init runs the __init__ of an instance's class, or dict's own.
func Init(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	if init, ok := self.Type().Lookup("__init__").(*py.Function); ok {
		_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
		return err
	}
	_, err := initMethod(self, args, kwargs)
	return err
}

// initMethod is dict.__init__(self, [mapping_or_iterable], **kwargs).
func initMethod(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d, args, err := receiver("__init__", self, args)
	if err != nil {
		return nil, err
	}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := d.Update(args[0]); err != nil {
			return nil, err
		}
	}
	d.UpdateKeywords(kwargs)
	return py.None, nil
}

// override calls the special method name of d's class, when d is an
// instance of a dict subclass that defines it (in Python, or by naming
// another method: __getattr__ = dict.__getitem__).
func (d *Dict) override(name string, args ...py.Object) (res py.Object, found bool, err error) {
	if d.class == nil {
		return nil, false, nil
	}
	fn := d.class.Lookup(name)
	if fn == nil || fn == Type.Dict[name] {
		return nil, false, nil
	}
	if descr, ok := fn.(py.I__get__); ok {
		if _, isFunc := fn.(*py.Function); !isFunc {
			if _, isMethod := fn.(*py.Method); !isMethod {
				if fn, err = descr.M__get__(d, d.class); err != nil {
					return nil, true, err
				}
				res, err = py.Call(fn, args, nil)
				return res, true, err
			}
		}
	}
	res, err = py.Call(fn, append(py.Tuple{d}, args...), nil)
	return res, true, err
}

// GetDict holds the attributes of an instance of a dict subclass; a plain
// dict has none.
func (d *Dict) GetDict() py.StringDict { return d.attrs }

// M__getattr__ is called for an attribute found nowhere else.
func (d *Dict) M__getattr__(name string) (py.Object, error) {
	if res, found, err := d.override("__getattr__", py.String(name)); found {
		return res, err
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", d.Type().Name, name)
}

// M__setattr__ stores an attribute of an instance of a dict subclass.
func (d *Dict) M__setattr__(name string, value py.Object) (py.Object, error) {
	if res, found, err := d.override("__setattr__", py.String(name), value); found {
		return res, err
	}
	if d.attrs == nil {
		return nil, py.ExceptionNewf(py.AttributeError, "'dict' object has no attribute '%s'", name)
	}
	d.attrs[name] = value
	return py.None, nil
}
