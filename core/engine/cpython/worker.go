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

// worker is one Python thread state of an app, kept for the worker's whole
// life, so threading.local data (database connections, for one) lasts
// from request to request as in any threaded server. Its jobs run one
// after the other on a goroutine of its own, locked to whatever OS thread
// Go gives it for the length of a job: handing work to a waiting goroutine
// is cheap, where waking a dedicated locked thread costs two thread
// switches each way, and a goroutine kept for the worker's life keeps the
// stack its jobs grew (growing a fresh one per job cost about a sixth of a
// small request). Running Python off the request's goroutine is also what
// lets a request give up on code stuck in C: the caller stops waiting and
// the worker is abandoned.
type worker struct {
	log     hclog.Logger
	grace   time.Duration
	resends int

	// Set before startWorker returns; used holding the GIL.
	state *C.PyThreadState

	// jobs feeds the worker's goroutine. It holds one job: a request's
	// jobs never overlap, and the last job (stop's) may be queued behind
	// the one an abandoned request left running.
	jobs chan func()
	// active is the interrupt of the job running now: an interruption is
	// only ever raised in the state while its own request runs there.
	active atomic.Pointer[interrupt.Signal]
	// interrupted says an interruption may be pending in the state; it
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
	python.do(func() { w.state = C.gwpy_new_thread_state() })
	go w.serve()
	return w
}

// serve runs the worker's jobs until one closes jobs: stop's, which is
// the last.
func (w *worker) serve() {
	defer close(w.exited)
	for job := range w.jobs {
		job()
	}
}

// run runs fn as the worker's next job and waits for it. When ir fires,
// Python gets RequestInterrupted raised in its thread, again a few times
// during the grace period for code that swallows it; if fn has still not
// returned then, the worker is abandoned and ir's error returned.
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

// execute runs fn on the calling goroutine's OS thread, locked to it,
// holding the GIL with the worker's thread state. ir is nil for cleanup
// work, which nothing interrupts.
func (w *worker) execute(ir *interrupt.Signal, fn func() error) (err error) {
	runtime.LockOSThread()
	previous := C.gwpy_enter(w.state)
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
			C.gwpy_clear_interrupt(C.gwpy_thread_id(w.state))
		}
		C.gwpy_leave(w.state, previous)
		runtime.UnlockOSThread()
	}()
	if ir != nil && ir.Interrupted() {
		return ir.Err()
	}
	return fn()
}

// interrupt raises RequestInterrupted in the worker's thread state if ir's
// job still runs there. It does not wait: setting it needs the GIL, which
// Python stuck in C may hold.
func (w *worker) interrupt(ir *interrupt.Signal) {
	go python.do(func() {
		if w.active.Load() == ir {
			w.interrupted.Store(true)
			C.gwpy_interrupt_thread(C.gwpy_thread_id(w.state))
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

// stop ends the worker once its current job is done, after running final
// (when not nil) with the GIL: the owner's last cleanup, which must wait
// for an abandoned job to end. It does not wait.
func (w *worker) stop(final func()) {
	w.stopping.Do(func() {
		// Sent from a goroutine of its own: stop does not wait, even for
		// a job still queued.
		go func() { w.jobs <- w.last(final) }()
	})
}

// last is the worker's last job: final, then the thread state's end.
func (w *worker) last(final func()) func() {
	return func() {
		if final != nil {
			_ = w.execute(nil, func() error {
				final()
				return nil
			})
		}
		python.do(func() { C.gwpy_delete_thread_state(w.state) })
		close(w.jobs)
	}
}
