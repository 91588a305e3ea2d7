package pymod

import (
	"fmt"

	"github.com/go-python/gpython/py"
)

// gpython readies the types it declares itself in its own init; a type
// made later has to be readied by hand before it can be used.

// newGoType makes a type whose instances are Go values of this package.
func newGoType(name, doc string) *py.Type {
	t := py.NewType(name, doc)
	mustReady(t)
	return t
}

// newSubType makes a subclass of base, typically an exception class.
func newSubType(base *py.Type, name, doc string) *py.Type {
	t := base.NewType(name, doc, nil, nil)
	mustReady(t)
	return t
}

func mustReady(t *py.Type) {
	if err := ReadyType(t); err != nil {
		panic(fmt.Sprintf("pymod: readying type %s: %v", t.Name, err))
	}
}

// ReadyType readies a type made with (*py.Type).NewType once gpython's own
// init has run. Such a type copies its parent's flags, READY included, so
// gpython never works out its method resolution order: it is then no
// subtype of its parent, and `except Parent:` does not catch it (the
// engine's RecursionError and gpython's binascii.Error have this problem).
// NewType also makes the parent the new type's metaclass, so a Python
// class statement deriving from it would call the parent instead of
// type(); the metaclass becomes type. ReadyType is a no-op for a type
// already readied.
func ReadyType(t *py.Type) error {
	if len(t.Mro) > 0 {
		return nil
	}
	if t.ObjectType == nil || !t.ObjectType.IsSubtype(py.TypeType) {
		t.ObjectType = py.TypeType
	}
	t.Flags &^= py.TPFLAGS_READY | py.TPFLAGS_READYING
	if t.Base == nil && len(t.Bases) == 1 {
		if parent, ok := t.Bases[0].(*py.Type); ok {
			t.Base = parent
		}
	}
	return t.Ready()
}

// addMethods puts Go methods in a type's dict; an instance's attribute
// lookup binds them to the instance.
func addMethods(t *py.Type, methods ...*py.Method) {
	for _, m := range methods {
		t.Dict[m.Name] = m
	}
}

// addGetter adds a read-only attribute computed from the instance.
func addGetter(t *py.Type, name string, get func(self py.Object) (py.Object, error)) {
	t.Dict[name] = &py.Property{Fget: get}
}

// addGetterOf is addGetter for a type whose instances are Go values of T.
func addGetterOf[T py.Object](t *py.Type, name string, get func(recv T) (py.Object, error)) {
	addGetter(t, name, func(self py.Object) (py.Object, error) {
		recv, ok := self.(T)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, t.Name, self.Type().Name)
		}
		return get(recv)
	})
}

func method(name string, fn any, doc string) *py.Method {
	return py.MustNewMethod(name, fn, 0, doc)
}

// goMethod adapts a method of a Go-implemented type to both ways gpython
// calls one: bound to the instance (self), or through the class with the
// instance as first argument (self is then not a T).
func goMethod[T py.Object](name string, fn func(recv T, args py.Tuple, kwargs py.StringDict) (py.Object, error), doc string) *py.Method {
	return method(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		recv, ok := self.(T)
		if !ok {
			if len(args) == 0 {
				return nil, py.ExceptionNewf(py.TypeError, "%s() needs an argument", name)
			}
			if recv, ok = args[0].(T); !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", name, typeName[T](), args[0].Type().Name)
			}
			args = args[1:]
		}
		return fn(recv, args, kwargs)
	}, doc)
}

// goMethod0 and goMethod1 are goMethod for methods of no and one argument.
func goMethod0[T py.Object](name string, fn func(recv T) (py.Object, error), doc string) *py.Method {
	return goMethod(name, func(recv T, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		return fn(recv)
	}, doc)
}

func goMethod1[T py.Object](name string, fn func(recv T, arg py.Object) (py.Object, error), doc string) *py.Method {
	return goMethod(name, func(recv T, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		var arg py.Object
		if err := py.UnpackTuple(args, kwargs, name, 1, 1, &arg); err != nil {
			return nil, err
		}
		return fn(recv, arg)
	}, doc)
}

func typeName[T py.Object]() string {
	var zero T
	defer func() { _ = recover() }() // Type() of a nil pointer may panic
	return zero.Type().Name
}
