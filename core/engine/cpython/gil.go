//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import "unsafe"

// withoutGIL runs fn with the GIL released, so other Python threads run
// while fn waits on the client. It must be called on a thread holding the
// GIL (a call from Python), and it returns holding it again, even when fn
// panics.
func withoutGIL(fn func()) {
	state := C.PyEval_SaveThread()
	defer C.PyEval_RestoreThread(state)
	fn()
}

// newBytes copies p into a new Python bytes object; nil with an exception
// set on failure. The GIL must be held.
func newBytes(p []byte) *C.PyObject {
	return C.PyBytes_FromStringAndSize((*C.char)(unsafe.Pointer(unsafe.SliceData(p))), C.Py_ssize_t(len(p)))
}

// newBytesList makes a list of bytes objects. The GIL must be held.
func newBytesList(items [][]byte) *C.PyObject {
	list := C.PyList_New(C.Py_ssize_t(len(items)))
	if list == nil {
		return nil
	}
	for i, item := range items {
		b := newBytes(item)
		if b == nil || C.PyList_SetItem(list, C.Py_ssize_t(i), b) < 0 {
			C.Py_DecRef(list)
			return nil
		}
	}
	return list
}

// bytesOf copies a bytes object out of Python; ok is false when object is
// not bytes. The GIL must be held.
func bytesOf(object *C.PyObject) (p []byte, ok bool) {
	var data *C.char
	var length C.Py_ssize_t
	if C.gwpy_bytes(object, &data, &length) == 0 {
		return nil, false
	}
	return C.GoBytes(unsafe.Pointer(data), C.int(length)), true
}

// typeName is the name of object's type. The GIL must be held.
func typeName(object *C.PyObject) string {
	return C.GoString(C.gwpy_type_name(object))
}
