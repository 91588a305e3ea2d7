package rewrite

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// excEnter is __gowsgi_exc_enter__(exc), run as a handler starts: it
// returns what the handler's name is bound to.
func excEnter(self, exc py.Object) (py.Object, error) {
	s, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	s.handled = append(s.handled, exc)
	return pyext.Caught(exc), nil
}

// raiseHelper is __gowsgi_raise__(exc), the value of a raise statement
// (and of its from clause).
func raiseHelper(_, exc py.Object) (py.Object, error) {
	return pyext.Raisable(exc)
}

// excLeave is __gowsgi_exc_leave__(), run as a handler ends, however it
// ends.
func excLeave(self py.Object) (py.Object, error) {
	s, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	if n := len(s.handled); n > 0 {
		s.handled[n-1] = nil
		s.handled = s.handled[:n-1]
	}
	return py.None, nil
}

// excCurrent is __gowsgi_exc_current__(): the exception a bare raise
// outside a handler re-raises.
func excCurrent(self py.Object) (py.Object, error) {
	s, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	if n := len(s.handled); n > 0 {
		return s.handled[n-1], nil
	}
	return nil, py.ExceptionNewf(py.RuntimeError, "No active exception to reraise")
}

// sysExcInfo replaces sys.exc_info: (type, value, traceback) of the
// exception being handled, (None, None, None) when there is none. The
// traceback is None unless the exception carries one.
func sysExcInfo(self py.Object) (py.Object, error) {
	sys, ok := self.(*py.Module)
	if !ok || sys.Context == nil {
		return nil, py.ExceptionNewf(py.SystemError, "exc_info called without its module")
	}
	s := stateOfModule(sys.Context.Store().Builtins)
	if len(s.handled) == 0 {
		return py.Tuple{py.None, py.None, py.None}, nil
	}
	exc := s.handled[len(s.handled)-1]
	var tb py.Object = py.None
	if e, ok := exc.(*py.Exception); ok && e.Traceback != nil {
		tb = e.Traceback
	}
	value := pyext.Caught(exc)
	return py.Tuple{value.Type(), value, tb}, nil
}
