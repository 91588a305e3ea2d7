package pymod

import "github.com/go-python/gpython/py"

// Some classes (json.JSONEncoder, ...) are meant to be subclassed in
// Python. gpython builds instances of a Python subclass with object's
// allocator whatever the base, so such classes keep their state in the
// instance dict rather than in a Go struct, and their Go methods work on
// plain instances.

// newPyClass makes a class Python code can instantiate and subclass.
func newPyClass(name, doc string, methods ...*py.Method) *py.Type {
	t := py.ObjectType.NewType(name, doc, py.ObjectNew, py.ObjectInit)
	mustReady(t)
	addMethods(t, methods...)
	return t
}

// selfAndArgs finds the instance a method of cls was called on: bound to
// an instance, self is it; called through the class (Base.method(self,
// ...)) or as __init__ by the allocator, it is the first argument.
func selfAndArgs(cls *py.Type, self py.Object, args py.Tuple, fname string) (*py.Type, py.Tuple, error) {
	if inst, ok := self.(*py.Type); ok && inst.Type().IsSubtype(cls) {
		return inst, args, nil
	}
	if len(args) > 0 {
		if inst, ok := args[0].(*py.Type); ok && inst.Type().IsSubtype(cls) {
			return inst, args[1:], nil
		}
	}
	return nil, nil, py.ExceptionNewf(py.TypeError, "%s() needs a %s instance", fname, cls.Name)
}

// selfAndArg is selfAndArgs for a method taking exactly one argument.
func selfAndArg(cls *py.Type, self py.Object, args py.Tuple, fname string) (*py.Type, py.Object, error) {
	inst, args, err := selfAndArgs(cls, self, args, fname)
	if err != nil {
		return nil, nil, err
	}
	var arg py.Object
	if err := py.UnpackTuple(args, nil, fname, 1, 1, &arg); err != nil {
		return nil, nil, err
	}
	return inst, arg, nil
}

// attr reads an instance attribute, falling back to def.
func attr(inst *py.Type, name string, def py.Object) py.Object {
	v, err := py.GetAttrString(inst, name)
	if err != nil {
		return def
	}
	return v
}
