package pyext

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// keyError is KeyError(key), with the key also kept as the exception's
// "key" entry, which the engine reads to report the error.
func keyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.StringDict{"key": key}}
}

// getAttr is getattr(obj, name) with CPython's wording when it fails.
func getAttr(obj py.Object, name string) (py.Object, error) {
	if e, ok := obj.(*py.Exception); ok {
		return exceptionAttr(e, name)
	}
	res, err := py.GetAttrString(obj, name)
	if err != nil && py.IsException(py.AttributeError, err) && isGpythonAttributeError(err) {
		return nil, attributeError(obj, name)
	}
	return res, err
}

// isGpythonAttributeError tells gpython's own "has no attribute" error
// from an AttributeError raised by Python code, which must pass as is.
func isGpythonAttributeError(err error) bool {
	exc, ok := exceptionOf(err)
	if !ok {
		return false
	}
	args, ok := exc.Args.(py.Tuple)
	if !ok || len(args) != 1 {
		return false
	}
	msg, ok := args[0].(py.String)
	return ok && strings.Contains(string(msg), "' has no attribute '")
}

// exceptionOf unwraps the exception instance a Go error carries.
func exceptionOf(err error) (*py.Exception, bool) {
	switch e := err.(type) {
	case *py.Exception:
		return e, true
	case py.ExceptionInfo:
		exc, ok := e.Value.(*py.Exception)
		return exc, ok
	case *py.ExceptionInfo:
		exc, ok := e.Value.(*py.Exception)
		return exc, ok
	}
	return nil, false
}

// getItem is obj[key], with CPython's KeyError for a missing dict key.
func getItem(obj, key py.Object) (py.Object, error) {
	if d, ok := obj.(py.StringDict); ok {
		if s, ok := key.(py.String); ok {
			if v, found := d[string(s)]; found {
				return v, nil
			}
		}
		return nil, keyError(key)
	}
	if res, found, err := callSpecial(obj, "__getitem__", key); found {
		return res, err
	}
	return py.GetItem(obj, key)
}

// exceptionAttr is getattr() of one of gpython's exception objects, whose
// own lookup answers args for any name it does not know: getattr(e,
// "code", None) and hasattr(e, "errno") would always find something.
// The instance an exception of a Python class stands for answers for it.
func exceptionAttr(e *py.Exception, name string) (py.Object, error) {
	if inst, ok := e.Dict[ExceptionInstanceKey].(*py.Type); ok {
		return getAttr(inst, name)
	}
	if name == "args" || isSpecialName(name) {
		return py.GetAttrString(e, name)
	}
	if attr := e.Type().NativeGetAttrOrNil(name); attr != nil {
		if d, ok := attr.(py.I__get__); ok {
			return d.M__get__(e, e.Type())
		}
		return attr, nil
	}
	return nil, attributeError(e, name)
}
