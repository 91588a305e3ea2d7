//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/gowsgi/gowsgi/core/engine"
)

// What gwpyStartResponse answers start_response in startresponse.c.
const (
	startFailed  C.int = -1 // an exception is set
	startDone    C.int = 0
	startReraise C.int = 1 // raise exc_info: headers were already sent
)

// gwpyStartResponse hands status and headers, checked for shape by the C
// side, to the gateway. strings holds the status, then each header's name
// and value, as UTF-8.
//
//export gwpyStartResponse
func gwpyStartResponse(request C.uint64_t, strings **C.char, lengths *C.Py_ssize_t, count C.Py_ssize_t, excInfo C.int) (rc C.int) {
	defer recoverInto(&rc, startFailed)
	texts := unsafe.Slice(strings, count)
	sizes := unsafe.Slice(lengths, count)
	text := func(i int) string { return C.GoStringN(texts[i], C.int(sizes[i])) }
	status := text(0)
	headers := make([]engine.Header, 0, (count-1)/2)
	for i := 1; i+1 < int(count); i += 2 {
		headers = append(headers, engine.Header{Name: text(i), Value: text(i + 1)})
	}

	s, refusal := python.scopes.enter(uint64(request), "start_response")
	if refusal != nil {
		raise(refusal)
		return startFailed
	}
	defer s.leave()
	err := s.req.StartResponse(status, headers, excInfo != 0)
	switch {
	case err == nil:
		return startDone
	case errors.Is(err, engine.ErrReraise):
		return startReraise
	}
	raise(&pyRaise{kind: raiseValueError, message: fmt.Sprintf("start_response(): %v", err)})
	return startFailed
}

// gwpyWrite serves the write() callable start_response returns.
//
//export gwpyWrite
func gwpyWrite(request C.uint64_t, data *C.char, length C.Py_ssize_t) (rc C.int) {
	defer recoverInto(&rc, -1)
	body := C.GoBytes(unsafe.Pointer(data), C.int(length))
	var refusal *pyRaise
	// Sending may wait on a slow client.
	withoutGIL(func() { refusal = writeBody(uint64(request), body) })
	if refusal != nil {
		raise(refusal)
		return -1
	}
	return 0
}

func writeBody(id uint64, body []byte) *pyRaise {
	s, refusal := python.scopes.enter(id, "write")
	if refusal != nil {
		return refusal
	}
	defer s.leave()
	if err := s.req.Write(body); err != nil {
		return &pyRaise{kind: raiseOSError, message: fmt.Sprintf("write: %v", err)}
	}
	return nil
}
