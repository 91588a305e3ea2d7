//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"errors"
	"fmt"
	"io"

	"github.com/gowsgi/gowsgi/core/engine"
)

var errResultClosed = errors.New("result already closed")

// result iterates what the app returned. It owns its worker until the
// iteration ends or Close. The gateway drives it from one goroutine at a
// time.
type result struct {
	app   *app
	w     *worker
	scope *requestScope

	// py is written by jobs on the worker and read here once a job is
	// done, never after the worker was abandoned (err is set by then).
	py pyResult

	err      error // sticky: a failed iteration fails every later Next
	closed   bool
	returned bool // the worker went back to the pool
}

// pyResult is the Python side of a result; its methods run on the worker
// holding the GIL.
type pyResult struct {
	iterable, iterator *C.PyObject // owned; nil once finished
	// chunks are ready to send: a list's or tuple's items, copied at the
	// call, or the one chunk fetched ahead.
	chunks    [][]byte
	sequence  bool  // a list or tuple: no Python runs after the call
	badItem   error // the item that ended a sequence: not bytes
	exhausted bool
	closed    bool  // close() was called, or there is none
	closeErr  error // what close() raised when the iteration ended
}

// start calls the app and fetches the first chunk, so a response of one
// chunk costs one trip to the worker. It runs on the worker.
func (r *result) start() error {
	environ := newEnviron(r.scope)
	if environ == nil {
		return pythonError()
	}
	iterable := C.gwpy_call_application(r.app.callable, environ, C.uint64_t(r.scope.id))
	C.Py_DecRef(environ)
	if iterable == nil {
		return pythonError()
	}
	if C.gwpy_is_sequence(iterable) != 0 {
		r.py.takeSequence(iterable)
		C.Py_DecRef(iterable)
		return nil
	}
	r.py.iterable = iterable
	return r.py.advance()
}

// Precomputed reports a list or tuple, whose chunks are all in memory.
func (r *result) Precomputed() bool { return r.py.sequence }

// Next returns the next body chunk, io.EOF at the end.
func (r *result) Next() ([]byte, error) {
	switch {
	case r.closed:
		return nil, errResultClosed
	case r.err != nil:
		return nil, r.err
	}
	for {
		if len(r.py.chunks) > 0 {
			chunk := r.py.chunks[0]
			r.py.chunks[0] = nil
			r.py.chunks = r.py.chunks[1:]
			return chunk, nil
		}
		if r.py.badItem != nil {
			return nil, r.fail(r.py.badItem)
		}
		if r.py.exhausted {
			r.giveBack()
			return nil, io.EOF
		}
		if r.scope.ir.Interrupted() {
			return nil, r.fail(r.scope.ir.Err())
		}
		if err := r.app.run(r.w, r.scope.ir, r.py.advance); err != nil {
			return nil, r.fail(err)
		}
	}
}

func (r *result) fail(err error) error {
	r.err = r.app.failure(err)
	return r.err
}

// Close calls the iterable's close() once, unless the end of the
// iteration already did, and gives the worker back.
func (r *result) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	switch {
	case r.returned:
		if r.py.closeErr != nil {
			return r.app.failure(r.py.closeErr)
		}
		return nil
	case r.w.abandoned.Load():
		// Python still runs there: close() waits for it.
		r.w.stop(r.finishAbandoned)
		r.giveBack()
		return nil
	case r.py.iterable == nil:
		r.giveBack()
		return nil
	}
	ir := r.scope.ir.ForCleanup(r.app.settings.closeGrace)
	r.scope.guard.Store(ir)
	err := r.app.run(r.w, ir, r.py.finish)
	ir.Stop()
	if r.w.abandoned.Load() {
		r.w.stop(r.finishAbandoned)
	}
	r.giveBack()
	if err != nil {
		return r.app.failure(err)
	}
	return nil
}

// finishAbandoned is an abandoned worker's last job: once the stuck code
// returns, the iterable is closed and released there.
func (r *result) finishAbandoned() {
	if err := r.py.finish(); err != nil {
		r.app.log.Warn("close() of an abandoned request's response failed", "error", r.app.failure(err))
	}
}

// giveBack ends the request's scope and returns the worker, once.
func (r *result) giveBack() {
	if r.returned {
		return
	}
	r.returned = true
	r.scope.end()
	r.scope.ir.Stop()
	r.app.pool.Release(r.w)
}

// takeSequence copies a list's or tuple's chunks, up to the first item
// that is not bytes.
func (py *pyResult) takeSequence(sequence *C.PyObject) {
	py.sequence, py.exhausted, py.closed = true, true, true
	n := int(C.gwpy_sequence_size(sequence))
	py.chunks = make([][]byte, 0, n)
	for i := range n {
		item := C.gwpy_sequence_item(sequence, C.Py_ssize_t(i))
		chunk, ok := bytesOf(item)
		if !ok {
			py.badItem = notBytes(item)
			return
		}
		py.chunks = append(py.chunks, chunk)
	}
}

// advance fetches the next chunk. At the end it calls close() in the same
// trip: nothing else is left for Python to do.
func (py *pyResult) advance() error {
	if py.iterator == nil {
		py.iterator = C.PyObject_GetIter(py.iterable)
		if py.iterator == nil {
			return pythonError()
		}
	}
	var item *C.PyObject
	switch C.gwpy_next(py.iterator, &item) {
	case 1:
		defer C.Py_DecRef(item)
		chunk, ok := bytesOf(item)
		if !ok {
			return notBytes(item)
		}
		py.chunks = append(py.chunks, chunk)
		return nil
	case 0:
		py.exhausted = true
		py.closeErr = py.finish()
		return nil
	}
	return pythonError()
}

// finish calls close() if not done yet and drops the references.
func (py *pyResult) finish() error {
	var err error
	if py.iterable != nil && !py.closed {
		py.closed = true
		if C.gwpy_close_iterable(py.iterable) < 0 {
			err = pythonError()
		}
	}
	C.Py_DecRef(py.iterator)
	C.Py_DecRef(py.iterable)
	py.iterator, py.iterable = nil, nil
	return err
}

func notBytes(item *C.PyObject) error {
	return &engine.ScriptError{
		Message: fmt.Sprintf("TypeError: WSGI response iterable yielded %s, not bytes", typeName(item)),
	}
}
