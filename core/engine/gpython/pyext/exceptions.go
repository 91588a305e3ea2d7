package pyext

import (
	"github.com/go-python/gpython/py"
)

// Exception classes written in Python (class NotFound(Exception)) get
// instances like any Python class, which can hold attributes; gpython's
// own exception objects cannot. Their args live in the instance dict,
// and BaseException gains the methods those instances need. gpython can
// raise only its own exception objects, so Raisable puts an instance in
// one (and the rewriter passes every raised value through it), and
// Caught takes it back out for `except ... as e`.

func installExceptionMethods() {
	methods := []struct {
		name, doc string
		fn        func(self py.Object, args py.Tuple) (py.Object, error)
	}{
		{"__init__", "Initialize self.", exceptionInit},
		{"__str__", "Return str(self).", exceptionStrMethod},
		{"__repr__", "Return repr(self).", exceptionReprMethod},
		{"with_traceback", "Exception.with_traceback(tb) -- set self.__traceback__ to tb and return self.", exceptionWithTraceback},
	}
	for _, m := range methods {
		fn, name := m.fn, m.name
		py.BaseException.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if len(kwargs) > 0 && name != "__init__" {
				return nil, py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", name)
			}
			obj, rest, err := methodSelf(self, args, "BaseException."+name)
			if err != nil {
				return nil, err
			}
			return fn(obj, rest)
		}, 0, m.doc)
	}
}

// exceptionInstanceNew makes an instance of an exception class written in
// Python, keeping the constructor's arguments as args.
func exceptionInstanceNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	obj, err := py.ObjectNew(t, args, kwargs)
	if err != nil {
		return nil, err
	}
	if inst, ok := obj.(*py.Type); ok {
		inst.Dict["args"] = append(py.Tuple{}, args...)
	}
	return obj, nil
}

// argsOf is the args of an exception, either kind.
func argsOf(obj py.Object) py.Tuple {
	switch e := obj.(type) {
	case *py.Exception:
		return exceptionArgs(e)
	case *py.Type:
		args, _ := e.Dict["args"].(py.Tuple)
		return args
	}
	return nil
}

func exceptionInit(obj py.Object, args py.Tuple) (py.Object, error) {
	switch e := obj.(type) {
	case *py.Exception:
		e.Args = append(py.Tuple{}, args...)
	case *py.Type:
		e.Dict["args"] = append(py.Tuple{}, args...)
	}
	return py.None, nil
}

func exceptionStrMethod(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__str__() takes no arguments (%d given)", len(args))
	}
	a := argsOf(obj)
	switch len(a) {
	case 0:
		return py.String(""), nil
	case 1:
		var s string
		var err error
		if obj.Type().IsSubtype(py.KeyError) {
			s, err = Repr(a[0])
		} else {
			s, err = Str(a[0])
		}
		return py.String(s), err
	}
	s, err := Repr(a)
	return py.String(s), err
}

func exceptionReprMethod(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__repr__() takes no arguments (%d given)", len(args))
	}
	inner, err := reprItems("", "", argsOf(obj), false, nil)
	if err != nil {
		return nil, err
	}
	return py.String(obj.Type().Name + "(" + inner + ")"), nil
}

func exceptionWithTraceback(obj py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "with_traceback() takes exactly one argument (%d given)", len(args))
	}
	if e, ok := obj.(*py.Exception); ok && args[0] != py.None {
		e.Traceback = args[0]
	}
	return obj, nil
}

// isPythonException reports an instance of an exception class written in
// Python.
func isPythonException(obj py.Object) (*py.Type, bool) {
	inst, ok := asInstance(obj)
	if !ok || inst.Type().Flags&py.TPFLAGS_BASE_EXC_SUBCLASS == 0 {
		return nil, false
	}
	return inst, true
}

// Raisable is what `raise obj` should raise: an exception class written
// in Python is instantiated, and its instances are put in a gpython
// exception object of their class. Anything else is returned as it is,
// for gpython to raise or refuse.
func Raisable(obj py.Object) (py.Object, error) {
	if cls, ok := asClass(obj); ok {
		if cls.Flags&py.TPFLAGS_HEAPTYPE == 0 || cls.Flags&py.TPFLAGS_BASE_EXC_SUBCLASS == 0 {
			return obj, nil
		}
		made, err := py.Call(cls, nil, nil)
		if err != nil {
			return nil, err
		}
		obj = made
	}
	inst, ok := isPythonException(obj)
	if !ok {
		return obj, nil
	}
	args := argsOf(inst)
	// Tracebacks show the exception through args: a class with its own
	// __str__ shows that instead.
	if _, custom := inst.Type().Lookup("__str__").(*py.Function); custom {
		s, err := Str(inst)
		if err != nil {
			return nil, err
		}
		args = py.Tuple{py.String(s)}
	}
	return &py.Exception{Base: inst.Type(), Args: args, Dict: py.StringDict{ExceptionInstanceKey: inst}}, nil
}

// Caught is the exception `except ... as e` binds: the instance an
// exception object of a Python class stands for, else the exception
// itself.
func Caught(exc py.Object) py.Object {
	e, ok := exc.(*py.Exception)
	if !ok {
		return exc
	}
	if inst, ok := e.Dict[ExceptionInstanceKey].(*py.Type); ok {
		return inst
	}
	if e.Base == nil || e.Base.Flags&py.TPFLAGS_HEAPTYPE == 0 {
		return exc
	}
	// Raised by gpython from the class alone: make the instance now,
	// without running __init__.
	obj, err := exceptionInstanceNew(e.Base, exceptionArgs(e), nil)
	if err != nil {
		return exc
	}
	if e.Dict == nil {
		e.Dict = py.StringDict{}
	}
	e.Dict[ExceptionInstanceKey] = obj
	return obj
}
