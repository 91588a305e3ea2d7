//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

// gwpyErrorsWrite serves wsgi.errors.write with text as UTF-8. It keeps
// the GIL: logging does not wait on the client.
//
//export gwpyErrorsWrite
func gwpyErrorsWrite(request C.uint64_t, text *C.char, length C.Py_ssize_t) (rc C.int) {
	defer recoverInto(&rc, -1)
	s, refusal := python.scopes.enter(uint64(request), "wsgi.errors")
	if refusal != nil {
		raise(refusal)
		return -1
	}
	defer s.leave()
	if s.req.Errors != nil {
		s.req.Errors.Write(C.GoStringN(text, C.int(length)))
	}
	return 0
}

// gwpyErrorsFlush serves wsgi.errors.flush.
//
//export gwpyErrorsFlush
func gwpyErrorsFlush(request C.uint64_t) (rc C.int) {
	defer recoverInto(&rc, -1)
	s, refusal := python.scopes.enter(uint64(request), "wsgi.errors")
	if refusal != nil {
		raise(refusal)
		return -1
	}
	defer s.leave()
	if s.req.Errors != nil {
		s.req.Errors.Flush()
	}
	return 0
}
