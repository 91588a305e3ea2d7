//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import "unsafe"

// newEnviron makes the request's environ dict in one call: the variables
// travel as one buffer rather than a C call per key. The GIL must be held.
func newEnviron(s *requestScope) *C.PyObject {
	req := s.req
	size := 0
	for _, v := range req.Environ {
		size += len(v.Name) + len(v.Value)
	}
	data := make([]byte, 0, size)
	lengths := make([]C.Py_ssize_t, 0, 2*len(req.Environ))
	for _, v := range req.Environ {
		data = append(append(data, v.Name...), v.Value...)
		lengths = append(lengths, C.Py_ssize_t(len(v.Name)), C.Py_ssize_t(len(v.Value)))
	}
	var flags C.int
	for _, f := range []struct {
		on   bool
		flag C.int
	}{
		{req.Multithread, C.GWPY_MULTITHREAD},
		{req.Multiprocess, C.GWPY_MULTIPROCESS},
		{req.RunOnce, C.GWPY_RUN_ONCE},
		{req.InputTerminated, C.GWPY_INPUT_TERMINATED},
	} {
		if f.on {
			flags |= f.flag
		}
	}
	return C.gwpy_new_environ((*C.char)(unsafe.Pointer(unsafe.SliceData(data))), unsafe.SliceData(lengths),
		C.Py_ssize_t(len(req.Environ)), stringData(req.URLScheme), C.Py_ssize_t(len(req.URLScheme)),
		flags, C.uint64_t(s.id))
}
