//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"errors"
	"fmt"
	"runtime/debug"
	"unsafe"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Exceptions Go raises in Python (bridge.h's gwpy_error_kind).
const (
	raiseValueError   = C.GWPY_VALUE_ERROR
	raiseRuntimeError = C.GWPY_RUNTIME_ERROR
	raiseOSError      = C.GWPY_OS_ERROR
	raiseSystemError  = C.GWPY_SYSTEM_ERROR
	raiseInterrupted  = C.GWPY_INTERRUPTED
)

// pyRaise is an exception for Go to raise in the Python code that called it.
type pyRaise struct {
	kind    int
	message string
}

func (e *pyRaise) Error() string { return e.message }

// raise makes e the pending Python exception. The GIL must be held.
func raise(e *pyRaise) {
	C.gwpy_raise(C.int(e.kind), stringData(e.message), C.Py_ssize_t(len(e.message)))
}

// recoverInto is deferred by every function Python calls: a Go panic must
// not unwind through the interpreter's C frames, so it becomes a
// SystemError in the calling Python code and out is set to failed.
func recoverInto[T any](out *T, failed T) {
	r := recover()
	if r == nil {
		return
	}
	python.log.Error("recovered a Go panic in a call from Python", "panic", r, "stack", string(debug.Stack()))
	raise(&pyRaise{kind: raiseSystemError, message: fmt.Sprintf("gowsgi internal error: %v", r)})
	*out = failed
}

// errInterruptedInPython is Python raising the engine's RequestInterrupted;
// the interrupt that caused it says what to report.
var errInterruptedInPython = errors.New("Python code was interrupted")

// panicError is a Go panic recovered while running Python: an engine fault,
// not an exception of the app.
type panicError struct{ value any }

func (e *panicError) Error() string {
	return fmt.Sprintf("cpython engine panicked: %v", e.value)
}

// pythonError takes the pending Python exception and returns it as an
// *engine.ScriptError (its File empty when Python did not say), or
// errInterruptedInPython. The GIL must be held.
func pythonError() error {
	exc := C.gwpy_take_exception()
	if exc == nil {
		return errors.New("Python reported a failure without an exception")
	}
	defer C.Py_DecRef(exc)
	if C.gwpy_is_interruption(exc) != 0 {
		return errInterruptedInPython
	}
	var description *C.PyObject
	if C.gwpy_describe(exc, &description) < 0 {
		name := C.GoString(C.gwpy_type_name(exc))
		return &engine.ScriptError{Message: name + " (describing it failed)"}
	}
	defer C.Py_DecRef(description)
	return &engine.ScriptError{
		File:      tupleString(description, 0),
		Line:      int(C.gwpy_tuple_long(description, 1)),
		Message:   tupleString(description, 2),
		Traceback: tupleString(description, 3),
	}
}

// tupleString copies the str at tuple[index]; "" when it is not one.
func tupleString(tuple *C.PyObject, index int) string {
	var length C.Py_ssize_t
	text := C.gwpy_tuple_str(tuple, C.Py_ssize_t(index), &length)
	if text == nil {
		return ""
	}
	return C.GoStringN(text, C.int(length))
}

// stringData points C at a Go string's bytes for the length of a call.
func stringData(s string) *C.char {
	return (*C.char)(unsafe.Pointer(unsafe.StringData(s)))
}
