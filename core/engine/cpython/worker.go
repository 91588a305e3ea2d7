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
// from request to request as in any threaded server. Each job runs in a
// goroutine of its own, on whatever OS thread Go picks, holding that
// state: handing work to a plain goroutine is cheap, where waking a
// dedicated locked thread costs two thread switches each way. Running
// Python off the request's goroutine is also what lets a request give up
// on code stuck in C: the caller stops waiting and the worker is
// abandoned.
type worker struct {
	log     hclog.Logger
	grace   time.Duration
	resends int

	// Set before startWorker returns; used holding the GIL.
	state *C.PyThreadState

	// busy is held by the job running now, so jobs never overlap and a
	// stopped worker's last cleanup waits for an abandoned job.
	busy sync.Mutex
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
		exited:  make(chan struct{}),
	}
	python.do(func() { w.state = C.gwpy_new_thread_state() })
	return w
}

// run runs fn in a goroutine of its own and waits for it. When ir fires,
// Python gets RequestInterrupted raised in its thread, again a few times
// during the grace period for code that swallows it; if fn has still not
// returned then, the worker is abandoned and ir's error returned.
func (w *worker) run(ir *interrupt.Signal, fn func() error) error {
	done := make(chan error, 1)
	go func() {
		w.busy.Lock()
		defer w.busy.Unlock()
		done <- w.execute(ir, fn)
	}()
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
		go func() {
			defer close(w.exited)
			w.busy.Lock()
			defer w.busy.Unlock()
			if final != nil {
				_ = w.execute(nil, func() error {
					final()
					return nil
				})
			}
			python.do(func() { C.gwpy_delete_thread_state(w.state) })
		}()
	})
}
