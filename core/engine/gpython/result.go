package gpython

import (
	"errors"
	"fmt"
	"io"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

var errResultClosed = errors.New("result already closed")

// result iterates what the app returned. It owns the worker until Close.
// The gateway drives it from one goroutine at a time.
type result struct {
	app      *app
	w        *worker
	scope    *requestScope
	iterable py.Object

	items    []py.Object // lists and tuples are read without a job hop
	sequence bool
	iterator py.Object

	finished bool
	err      error // sticky: a failed iteration fails every later Next
	closed   bool
	returned bool // the worker went back to the pool or was discarded
}

func newResult(a *app, w *worker, scope *requestScope, iterable py.Object) *result {
	r := &result{app: a, w: w, scope: scope, iterable: iterable}
	switch seq := iterable.(type) {
	case *py.List:
		r.items, r.sequence = seq.Items, true
	case py.Tuple:
		r.items, r.sequence = seq, true
	}
	return r
}

// Precomputed reports a list or tuple result: its chunks are all in memory,
// so the gateway need not flush between them (engine.Precomputed).
func (r *result) Precomputed() bool { return r.sequence }

// Next returns the next body chunk, io.EOF at the end.
func (r *result) Next() ([]byte, error) {
	switch {
	case r.closed:
		return nil, errResultClosed
	case r.err != nil:
		return nil, r.err
	case r.finished:
		return nil, io.EOF
	}
	if r.scope.ir.Interrupted() {
		return nil, r.fail(r.scope.ir.Err())
	}
	item, err := r.nextItem()
	if err != nil {
		return nil, r.fail(err)
	}
	if item == nil {
		r.finished = true
		return nil, io.EOF
	}
	chunk, ok := item.(py.Bytes)
	if !ok {
		return nil, r.fail(&engine.ScriptError{
			File:    r.app.script.path,
			Message: fmt.Sprintf("TypeError: WSGI response iterable yielded %s, not bytes", item.Type().Name),
		})
	}
	// A copy: gpython may append into a bytes object's spare capacity
	// while the gateway still holds this chunk.
	return append([]byte{}, chunk...), nil
}

// nextItem returns the next item, nil at the end. The worker is idle
// between jobs, so a list or tuple can be read from this goroutine.
func (r *result) nextItem() (py.Object, error) {
	if r.sequence {
		if len(r.items) == 0 {
			return nil, nil
		}
		item := r.items[0]
		r.items = r.items[1:]
		return item, nil
	}
	var item py.Object
	err := r.app.run(r.w, r.scope.ir, func() error {
		if r.iterator == nil {
			it, err := iterOf(r.iterable)
			if err != nil {
				return err
			}
			r.iterator = it
		}
		next, err := nextOf(r.iterator)
		if err != nil {
			if py.IsException(py.StopIteration, err) {
				return nil
			}
			return err
		}
		item = next
		return nil
	})
	if r.w.abandoned.Load() {
		r.giveBack()
	}
	return item, err
}

func (r *result) fail(err error) error {
	r.err = wrapFailure(r.app.script.path, err)
	return r.err
}

// Close calls the iterable's close() once, then returns the context.
func (r *result) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	defer r.scope.ir.Stop()
	if r.w.abandoned.Load() {
		r.giveBack()
		return nil
	}
	var err error
	if mayHaveClose(r.iterable) {
		ir := r.scope.ir.ForCleanup(r.app.settings.closeGrace)
		err = r.app.run(r.w, ir, func() error { return closeIterable(r.iterable) })
		ir.Stop()
		if err != nil {
			err = wrapFailure(r.app.script.path, err)
		}
	}
	r.scope.over.Store(true)
	r.giveBack()
	return err
}

func (r *result) giveBack() {
	if !r.returned {
		r.returned = true
		r.app.release(r.w)
	}
}

// mayHaveClose skips the job hop for types that never have close():
// gpython's generators raise NotImplementedError from close(), so the
// engine cannot close them.
func mayHaveClose(obj py.Object) bool {
	switch obj.(type) {
	case *py.List, py.Tuple, py.Bytes, py.String, *py.Generator:
		return false
	}
	return true
}

// closeIterable calls obj.close() if it has one.
func closeIterable(obj py.Object) error {
	if fw, ok := obj.(*fileWrapper); ok {
		return fw.close()
	}
	_, _, err := callMethod(obj, "close")
	return err
}
