package pydict

import (
	"github.com/go-python/gpython/py"
)

const typeDoc = `dict() -> new empty dictionary
dict(mapping) -> new dictionary initialized from a mapping object's
    (key, value) pairs
dict(iterable) -> new dictionary initialized as if via:
    d = {}
    for k, v in iterable:
        d[k] = v
dict(**kwargs) -> new dictionary initialized with the name=value pairs
    in the keyword argument list.  For example:  dict(one=1, two=2)`

// Type is the dict type: what the builtin name dict refers to once the
// rewriter is installed, so isinstance(x, dict) and type(x) is dict hold
// for every dict the rewritten code makes.
var Type = py.NewTypeX("dict", typeDoc, newDict, nil)

// Type is part of py.Object: dict, or the class of an instance of a
// dict subclass.
func (d *Dict) Type() *py.Type {
	if d.class != nil {
		return d.class
	}
	return Type
}

type method = func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)

func init() {
	methods := []struct {
		name, doc string
		fn        method
	}{
		{"keys", "D.keys() -> a set-like object providing a view on D's keys", bound("keys", 0, 0, keysMethod)},
		{"values", "D.values() -> an object providing a view on D's values", bound("values", 0, 0, valuesMethod)},
		{"items", "D.items() -> a set-like object providing a view on D's items", bound("items", 0, 0, itemsMethod)},
		{"get", "Return the value for key if key is in the dictionary, else default.", bound("get", 1, 2, getMethod)},
		{"pop", "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.", bound("pop", 1, 2, popMethod)},
		{"popitem", "Remove and return a (key, value) pair as a 2-tuple, last inserted first.", bound("popitem", 0, 0, popitemMethod)},
		{"setdefault", "Insert key with a value of default if key is not in the dictionary.", bound("setdefault", 1, 2, setdefaultMethod)},
		{"copy", "D.copy() -> a shallow copy of D", bound("copy", 0, 0, copyMethod)},
		{"clear", "D.clear() -> None.  Remove all items from D.", bound("clear", 0, 0, clearMethod)},
		{"update", "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.", updateMethod},
		{"fromkeys", "Create a new dictionary with keys from iterable and values set to value.", fromkeysMethod},
	}
	for _, m := range methods {
		Type.Dict[m.name] = py.MustNewMethod(m.name, m.fn, 0, m.doc)
	}
}

// bound adapts a method taking the dict and between min and max
// positional arguments to both ways Python calls it: d.name(...) and
// dict.name(d, ...).
func bound(name string, min, max int, fn func(d *Dict, args py.Tuple) (py.Object, error)) method {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		d, args, err := receiver(name, self, args)
		if err != nil {
			return nil, err
		}
		if len(kwargs) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "dict.%s() takes no keyword arguments", name)
		}
		if err := checkArgs(name, args, min, max); err != nil {
			return nil, err
		}
		return fn(d, args)
	}
}

func receiver(name string, self py.Object, args py.Tuple) (*Dict, py.Tuple, error) {
	if d, ok := self.(*Dict); ok {
		return d, args, nil
	}
	if len(args) > 0 {
		if d, ok := args[0].(*Dict); ok {
			return d, args[1:], nil
		}
		return nil, nil, py.ExceptionNewf(py.TypeError,
			"descriptor '%s' for 'dict' objects doesn't apply to a '%s' object", name, args[0].Type().Name)
	}
	return nil, nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' of 'dict' object needs an argument", name)
}

func checkArgs(name string, args py.Tuple, min, max int) error {
	switch {
	case len(args) >= min && len(args) <= max:
		return nil
	case max == 0:
		return py.ExceptionNewf(py.TypeError, "dict.%s() takes no arguments (%d given)", name, len(args))
	case min == max:
		return py.ExceptionNewf(py.TypeError, "%s expected %d argument, got %d", name, min, len(args))
	case len(args) < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument, got %d", name, min, len(args))
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d arguments, got %d", name, max, len(args))
}

// KeyError is the error for a missing key. The key is its argument, as
// in CPython, and is also kept as the exception's "key" entry, which the
// engine reads to report the error.
func KeyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.StringDict{"key": key}}
}

func keysMethod(d *Dict, _ py.Tuple) (py.Object, error) { return &view{dict: d, kind: keysView}, nil }
func valuesMethod(d *Dict, _ py.Tuple) (py.Object, error) {
	return &view{dict: d, kind: valuesView}, nil
}
func itemsMethod(d *Dict, _ py.Tuple) (py.Object, error) { return &view{dict: d, kind: itemsView}, nil }

func getMethod(d *Dict, args py.Tuple) (py.Object, error) {
	v, found, err := d.GetItem(args[0])
	if err != nil {
		return nil, err
	}
	if found {
		return v, nil
	}
	if len(args) > 1 {
		return args[1], nil
	}
	return py.None, nil
}

func popMethod(d *Dict, args py.Tuple) (py.Object, error) {
	v, found, err := d.pop(args[0])
	if err != nil {
		return nil, err
	}
	if found {
		return v, nil
	}
	if len(args) > 1 {
		return args[1], nil
	}
	return nil, KeyError(args[0])
}

func popitemMethod(d *Dict, _ py.Tuple) (py.Object, error) {
	if d.live == 0 {
		return nil, KeyError(py.String("popitem(): dictionary is empty"))
	}
	d.trimTail()
	last := len(d.entries) - 1
	e := d.entries[last]
	d.removeAt(last)
	return py.Tuple{e.key, e.value}, nil
}

func setdefaultMethod(d *Dict, args py.Tuple) (py.Object, error) {
	h, err := Hash(args[0])
	if err != nil {
		return nil, err
	}
	pos, err := d.find(args[0], h)
	if err != nil {
		return nil, err
	}
	if pos >= 0 {
		return d.entries[pos].value, nil
	}
	var value py.Object = py.None
	if len(args) > 1 {
		value = args[1]
	}
	d.insertNew(args[0], value, h)
	return value, nil
}

func copyMethod(d *Dict, _ py.Tuple) (py.Object, error) { return d.Copy(), nil }

func clearMethod(d *Dict, _ py.Tuple) (py.Object, error) {
	d.Clear()
	return py.None, nil
}

func updateMethod(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d, args, err := receiver("update", self, args)
	if err != nil {
		return nil, err
	}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "update expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := d.Update(args[0]); err != nil {
			return nil, err
		}
	}
	d.UpdateKeywords(kwargs)
	return py.None, nil
}

// fromkeysMethod is dict.fromkeys(iterable[, value]); it answers the same
// through the class and through an instance.
func fromkeysMethod(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "dict.fromkeys() takes no keyword arguments")
	}
	if err := checkArgs("fromkeys", args, 1, 2); err != nil {
		return nil, err
	}
	var value py.Object = py.None
	if len(args) > 1 {
		value = args[1]
	}
	d := New()
	var setErr error
	err := py.Iterate(args[0], func(key py.Object) bool {
		setErr = d.SetItem(key, value)
		return setErr != nil
	})
	if err == nil {
		err = setErr
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}
