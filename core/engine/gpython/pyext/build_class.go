package pyext

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// The class statement calls builtins.__build_class__, which is wrapped
// here to finish each class Python code defines where gpython's classes
// fall short of CPython's:
//
//   - gpython looks up the special methods of an instance (__str__,
//     __getitem__, __iter__, __contains__, __getattr__...) in its class's
//     own dict only, so a subclass loses those its bases define; they are
//     copied into the new class's dict, as the method resolution order
//     picks them.
//   - an instance whose class defines __call__ cannot be called: each
//     such instance gets a constructor slot that calls __call__, which is
//     what gpython runs when an instance is called.
//   - a class deriving from an exception makes its instances keep their
//     arguments as args (see exceptions.go), and a context manager's
//     __exit__ is given such an instance rather than the gpython
//     exception object it was raised in;
//   - the class keeps its own copy of its bases, not a view of the VM's
//     stack that later code overwrites.

// notCopied are special names whose lookup gpython already does through
// the method resolution order, or that belong to one class only.
var notCopied = map[string]bool{
	"__init__": true, "__new__": true, "__module__": true, "__qualname__": true,
	"__doc__": true, "__dict__": true, "__weakref__": true, "__hash__": true,
	"__class__": true,
}

func wrapBuildClass(impl *py.ModuleImpl) {
	for i, m := range impl.Methods {
		if m.Name != "__build_class__" {
			continue
		}
		original := m
		impl.Methods[i] = py.MustNewMethod(m.Name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			// The arguments are a view of the VM's stack, which the new
			// class would keep as its __bases__ and see overwritten.
			args = append(py.Tuple(nil), args...)
			cls, err := original.CallWithKeywords(self, args, kwargs)
			if err != nil {
				return nil, err
			}
			if t, ok := cls.(*py.Type); ok && t.Flags&py.TPFLAGS_HEAPTYPE != 0 {
				finishClass(t)
			}
			return cls, nil
		}, 0, m.Doc)
		return
	}
}

// subclassable are the types written in Go that Python classes may
// derive from, with how an instance of such a class is made and
// initialized (gpython would make a plain object of it).
var subclassable = map[*py.Type]struct {
	new  py.NewFunc
	init py.InitFunc
}{}

// RegisterSubclassable lets Python classes derive from base, a type
// written in Go: newInstance makes an instance of such a class, init
// runs its __init__. Call it before the first context is made.
func RegisterSubclassable(base *py.Type, newInstance py.NewFunc, init py.InitFunc) {
	subclassable[base] = struct {
		new  py.NewFunc
		init py.InitFunc
	}{newInstance, init}
}

// SlotsStandIn is the name under which the rewriter has a class body
// store its __slots__: gpython refuses to make a class that has them.
// The class gets them back as a plain attribute; its instances keep a
// dict of attributes, which only makes them accept more than CPython's.
const SlotsStandIn = "__gowsgi_slots__"

// finishClass completes a class that a class statement just made.
func finishClass(t *py.Type) {
	if slots, ok := t.Dict[SlotsStandIn]; ok {
		delete(t.Dict, SlotsStandIn)
		t.Dict["__slots__"] = slots
	}
	if exit, ok := t.Dict["__exit__"].(*py.Function); ok {
		t.Dict["__exit__"] = exitSeeingInstances(exit)
	}
	inheritSpecialMethods(t)
	if t.Flags&py.TPFLAGS_BASE_EXC_SUBCLASS != 0 {
		t.New = exceptionInstanceNew
	}
	for _, b := range t.Mro {
		if s, ok := subclassable[b.(*py.Type)]; ok {
			t.New, t.Init = s.new, s.init
			break
		}
	}
	if t.Lookup("__call__") != nil {
		t.New = callableInstances(t.New)
	}
}

// inheritSpecialMethods copies into t's dict the special methods its
// bases (Python classes, and BaseException's, see exceptions.go) define
// and t does not.
func inheritSpecialMethods(t *py.Type) {
	for _, b := range t.Mro[1:] {
		base := b.(*py.Type)
		if base.Flags&py.TPFLAGS_HEAPTYPE == 0 && base != py.BaseException {
			continue
		}
		for name := range base.Dict {
			if !isSpecialName(name) || notCopied[name] {
				continue
			}
			if _, own := t.Dict[name]; own {
				continue
			}
			t.Dict[name] = t.Lookup(name)
		}
	}
}

func isSpecialName(name string) bool {
	return len(name) > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__")
}

// callableInstances wraps a class's constructor so that its instances
// can be called: calling an instance runs its constructor slot, which
// then calls __call__.
func callableInstances(next py.NewFunc) py.NewFunc {
	return func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		obj, err := next(t, args, kwargs)
		if err != nil {
			return nil, err
		}
		if inst, ok := obj.(*py.Type); ok {
			inst.New = callInstance
		}
		return obj, nil
	}
}

// callInstance is an instance's constructor slot: inst(*args, **kwargs)
// calls the __call__ its class defines.
func callInstance(inst *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	call := inst.Type().Lookup("__call__")
	if call == nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", typeName(inst))
	}
	if d, ok := call.(py.I__get__); ok {
		bound, err := d.M__get__(inst, inst.Type())
		if err != nil {
			return nil, err
		}
		call = bound
	}
	return py.Call(call, args, kwargs)
}

// exitSeeingInstances wraps a context manager's __exit__(self, type,
// value, traceback) so that value is what an except clause would bind
// (see Caught).
func exitSeeingInstances(exit *py.Function) *py.Method {
	return py.MustNewMethod("__exit__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		obj, rest, err := methodSelf(self, args, "__exit__")
		if err != nil {
			return nil, err
		}
		call := append(py.Tuple{obj}, rest...)
		if len(call) > 2 {
			call[2] = Caught(call[2])
		}
		return py.Call(exit, call, kwargs)
	}, 0, "")
}
