//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/hashicorp/go-hclog"
)

// worker is one OS thread of an app, with its own Python thread state for
// its whole life, so threading.local data (database connections, for one)
// lasts from request to request as in any threaded server. Running Python
// on a thread of its own is also what lets a request give up on code stuck
// in C: the caller stops waiting and the thread is abandoned.
type worker struct {
	log     hclog.Logger
	grace   time.Duration
	resends int

	// Set before startWorker returns, then only read.
	thread C.ulong // Python's id of the thread, for interruptions

	jobs chan func()
	// active is the interrupt of the job running now: an interruption is
	// only ever raised in the thread while its own request runs there.
	active atomic.Pointer[interrupt.Signal]
	// interrupted says an interruption may be pending in the thread; it
	// is cleared at the end of the job only then, since clearing makes
	// every Python thread check for pending work once.
	interrupted atomic.Bool
	abandoned   atomic.Bool
	stopping    sync.Once
	exited      chan struct{}
}

func startWorker(log hclog.Logger, s settings) *worker {
	w := &worker{
		log:     log,
		grace:   s.grace,
		resends: s.resends,
		jobs:    make(chan func(), 1),
		exited:  make(chan struct{}),
	}
	ready := make(chan struct{})
	go w.loop(ready)
	<-ready
	return w
}

// loop owns the thread. It is never unlocked: the thread carries the
// worker's thread state and ends with the goroutine.
func (w *worker) loop(ready chan<- struct{}) {
	runtime.LockOSThread()
	defer close(w.exited)
	gil := C.PyGILState_Ensure() // creates the thread state
	w.thread = C.PyThread_get_thread_ident()
	state := C.PyEval_SaveThread()
	close(ready)
	for job := range w.jobs {
		job()
	}
	C.PyEval_RestoreThread(state)
	C.PyGILState_Release(gil) // deletes the thread state
}

// run hands fn to the worker and waits for it. When ir fires, Python gets
// RequestInterrupted raised in its thread, again a few times during the
// grace period for code that swallows it; if fn has still not returned
// then, the worker is abandoned and ir's error returned.
func (w *worker) run(ir *interrupt.Signal, fn func() error) error {
	done := make(chan error, 1)
	w.jobs <- func() { done <- w.execute(ir, fn) }
	return ir.Await(done, interrupt.Grace{
		Period: w.grace,
		Nudge:  func() { w.interrupt(ir) },
		Nudges: w.resends,
		GiveUp: func() {
			w.abandoned.Store(true)
			w.log.Error("abandoned a Python thread that did not stop after its request was interrupted; "+
				"it is probably blocked in C code and finishes on its own", "reason", ir.Err(), "grace", w.grace)
		},
	})
}

// execute runs fn on the worker's thread holding the GIL. ir is nil for
// cleanup work, which nothing interrupts.
func (w *worker) execute(ir *interrupt.Signal, fn func() error) (err error) {
	gil := C.PyGILState_Ensure()
	w.active.Store(ir)
	defer func() {
		if r := recover(); r != nil {
			C.PyErr_Clear()
			w.log.Error("recovered a Go panic while running Python", "panic", r, "stack", string(debug.Stack()))
			err = &panicError{value: r}
		}
		// Both under the GIL, which interrupt needs too: an interruption
		// is either raised in this job or never set.
		w.active.Store(nil)
		if w.interrupted.Swap(false) {
			C.gwpy_clear_interrupt(w.thread)
		}
		C.PyGILState_Release(gil)
	}()
	if ir != nil && ir.Interrupted() {
		return ir.Err()
	}
	return fn()
}

// interrupt raises RequestInterrupted in the thread if ir's job still runs
// there. It does not wait: setting it needs the GIL, which Python stuck in
// C may hold.
func (w *worker) interrupt(ir *interrupt.Signal) {
	go python.do(func() {
		if w.active.Load() == ir {
			w.interrupted.Store(true)
			C.gwpy_interrupt_thread(w.thread)
		}
	})
}

// Reusable tells the pool whether the worker may serve again: not once it
// was abandoned, which its owner stops with the cleanup it must run last.
func (w *worker) Reusable() bool { return !w.abandoned.Load() }

// Retire stops an idle worker and waits for its thread to end.
func (w *worker) Retire() {
	w.stop(nil)
	<-w.exited
}

// stop makes the worker exit once its current job is done, after running
// final (when not nil) with the GIL: the owner's last cleanup, which must
// wait for an abandoned job to end. It does not wait.
func (w *worker) stop(final func()) {
	w.stopping.Do(func() {
		if final != nil {
			w.jobs <- func() {
				_ = w.execute(nil, func() error {
					final()
					return nil
				})
			}
		}
		close(w.jobs)
	})
}
