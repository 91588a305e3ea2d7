//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import "fmt"

// gwpyInputRead serves wsgi.input's methods (streams.c): op is a
// gwpy_input_op, size the size or hint (-1 for none). It returns bytes,
// or a list of bytes for readlines, or NULL with an exception set.
//
//export gwpyInputRead
func gwpyInputRead(request C.uint64_t, op C.int, size C.Py_ssize_t) (out *C.PyObject) {
	defer recoverInto(&out, nil)
	var chunk []byte
	var lines [][]byte
	var refusal *pyRaise
	// The body may still be on its way from the client.
	withoutGIL(func() { chunk, lines, refusal = readInput(uint64(request), op, int(size)) })
	if refusal != nil {
		raise(refusal)
		return nil
	}
	if op == C.GWPY_INPUT_READLINES {
		return newBytesList(lines)
	}
	return newBytes(chunk)
}

// readInput runs one wsgi.input method against the request's body.
func readInput(id uint64, op C.int, size int) (chunk []byte, lines [][]byte, refusal *pyRaise) {
	s, refusal := python.scopes.enter(id, "wsgi.input")
	if refusal != nil {
		return nil, nil, refusal
	}
	defer s.leave()
	in := s.req.Input
	if in == nil {
		return []byte{}, nil, nil
	}
	var err error
	var method string
	switch op {
	case C.GWPY_INPUT_READ:
		method = "read"
		chunk, err = in.Read(size)
	case C.GWPY_INPUT_READLINE:
		method = "readline"
		chunk, err = in.ReadLine(size)
	case C.GWPY_INPUT_READLINES:
		method = "readlines"
		lines, err = in.ReadLines(size)
	default:
		method = "getvalue"
		chunk, err = in.GetValue()
	}
	if err != nil {
		return nil, nil, &pyRaise{kind: raiseOSError, message: fmt.Sprintf("wsgi.input.%s: %v", method, err)}
	}
	return chunk, lines, nil
}
