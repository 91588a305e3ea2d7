package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// Tuple behaviour of namedtuple instances. A Python subclass may override
// __repr__ and __str__; gpython consults the Go methods first, so they
// look for such overrides themselves.

// override finds a method a Python subclass defined for name.
func (t *ntuple) override(name string) py.Object {
	if f, ok := t.cls.Lookup(name).(*py.Function); ok {
		return f
	}
	return nil
}

func (t *ntuple) M__repr__() (py.Object, error) {
	if f := t.override("__repr__"); f != nil {
		return py.Call(f, py.Tuple{t}, nil)
	}
	var b strings.Builder
	b.WriteString(t.cls.Name + "(")
	for i, f := range t.fields() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := reprOf(t.values[i])
		if err != nil {
			return nil, err
		}
		b.WriteString(f + "=" + r)
	}
	b.WriteString(")")
	return py.String(b.String()), nil
}

func (t *ntuple) M__str__() (py.Object, error) {
	if f := t.override("__str__"); f != nil {
		return py.Call(f, py.Tuple{t}, nil)
	}
	return t.M__repr__()
}

func (t *ntuple) M__len__() (py.Object, error) { return py.Int(len(t.values)), nil }

func (t *ntuple) M__getitem__(key py.Object) (py.Object, error) {
	if _, isSlice := key.(*py.Slice); isSlice {
		return t.values.M__getitem__(key)
	}
	i, err := py.IndexInt(key)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "tuple indices must be integers or slices, not %s", key.Type().Name)
	}
	if i < 0 {
		i += len(t.values)
	}
	if i < 0 || i >= len(t.values) {
		return nil, py.ExceptionNewf(py.IndexError, "tuple index out of range")
	}
	return t.values[i], nil
}

func (t *ntuple) M__iter__() (py.Object, error) { return py.NewIterator(t.values), nil }

func (t *ntuple) M__contains__(x py.Object) (py.Object, error) {
	for _, v := range t.values {
		if eq, err := equal(v, x); err != nil || eq {
			return py.NewBool(eq), err
		}
	}
	return py.False, nil
}

func (t *ntuple) M__add__(other py.Object) (py.Object, error) {
	o, ok := asTuple(other)
	if !ok {
		return py.NotImplemented, nil
	}
	return append(append(py.Tuple(nil), t.values...), o...), nil
}

// asTuple reads a plain tuple or a named one.
func asTuple(o py.Object) (py.Tuple, bool) {
	switch v := o.(type) {
	case py.Tuple:
		return v, true
	case *ntuple:
		return v.values, true
	}
	return nil, false
}

// compare orders t against a tuple lexicographically: -1, 0 or 1.
func (t *ntuple) compare(other py.Object) (int, bool, error) {
	o, ok := asTuple(other)
	if !ok {
		return 0, false, nil
	}
	for i := 0; i < len(t.values) && i < len(o); i++ {
		eq, err := equal(t.values[i], o[i])
		if err != nil {
			return 0, true, err
		}
		if eq {
			continue
		}
		less, err := lessThan(t.values[i], o[i])
		if err != nil {
			return 0, true, err
		}
		if less {
			return -1, true, nil
		}
		return 1, true, nil
	}
	switch {
	case len(t.values) < len(o):
		return -1, true, nil
	case len(t.values) > len(o):
		return 1, true, nil
	}
	return 0, true, nil
}

func (t *ntuple) cmp(other py.Object, test func(int) bool) (py.Object, error) {
	c, ok, err := t.compare(other)
	if err != nil {
		return nil, err
	}
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(test(c)), nil
}

func (t *ntuple) M__eq__(other py.Object) (py.Object, error) {
	o, ok := asTuple(other)
	if !ok {
		return py.NotImplemented, nil
	}
	if len(o) != len(t.values) {
		return py.False, nil
	}
	return t.cmp(other, func(c int) bool { return c == 0 })
}

func (t *ntuple) M__ne__(other py.Object) (py.Object, error) {
	eq, err := t.M__eq__(other)
	if err != nil || eq == py.NotImplemented {
		return eq, err
	}
	return py.NewBool(eq == py.False), nil
}

func (t *ntuple) M__lt__(other py.Object) (py.Object, error) {
	return t.cmp(other, func(c int) bool { return c < 0 })
}

func (t *ntuple) M__le__(other py.Object) (py.Object, error) {
	return t.cmp(other, func(c int) bool { return c <= 0 })
}

func (t *ntuple) M__gt__(other py.Object) (py.Object, error) {
	return t.cmp(other, func(c int) bool { return c > 0 })
}

func (t *ntuple) M__ge__(other py.Object) (py.Object, error) {
	return t.cmp(other, func(c int) bool { return c >= 0 })
}
