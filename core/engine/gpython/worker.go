package gpython

import (
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/hashicorp/go-hclog"
)

// worker owns one py.Context and is the only goroutine that runs Python in
// it. Running Python on its own goroutine is what lets a caller give up on
// code that never reaches a call (`while True: pass`): the caller stops
// waiting, and the worker is abandoned with its context.
type worker struct {
	log   hclog.Logger
	grace time.Duration
	guard guard

	// Set by boot on the worker goroutine, read by later jobs.
	pyctx    py.Context
	callable py.Object

	jobs      chan func()
	exited    chan struct{}
	stopOnce  sync.Once
	abandoned atomic.Bool
	// broken is set when a panic cut Python frames short (a gpython fault
	// or a forced unwind): the context may be inconsistent, so it is not
	// reused. Read by the owner after a job.
	broken bool
}

func startWorker(id uint64, log hclog.Logger, s settings) *worker {
	w := &worker{
		log:    log.With("context", id),
		grace:  s.grace,
		guard:  guard{limit: s.recursionLimit, unwindAfter: s.grace / 2},
		jobs:   make(chan func(), 1),
		exited: make(chan struct{}),
	}
	go w.loop()
	return w
}

func (w *worker) loop() {
	defer close(w.exited)
	for job := range w.jobs {
		job()
	}
	w.shutdown()
}

// shutdown closes the context once no more jobs can come.
func (w *worker) shutdown() {
	if w.pyctx == nil {
		return
	}
	guards.Delete(w.pyctx)
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("recovered a Go panic while closing an interpreter context", "panic", r)
		}
	}()
	if err := w.pyctx.Close(); err != nil {
		w.log.Warn("closing interpreter context failed", "error", err)
	}
	w.log.Debug("interpreter context closed")
}

// stop lets the worker finish its current job, close its context and exit.
func (w *worker) stop() {
	w.stopOnce.Do(func() { close(w.jobs) })
}

// Reusable tells the pool whether the worker may serve again: not once it
// was abandoned, nor once a panic left its context inconsistent. broken is
// read only when the worker was not abandoned: its last job has ended then,
// and nothing writes broken any more.
func (w *worker) Reusable() bool {
	return !w.abandoned.Load() && !w.broken
}

// Retire stops an idle worker and waits for its context to close.
func (w *worker) Retire() {
	w.stop()
	<-w.exited
}

// run hands fn to the worker and waits for it. When ir fires, the VM hooks
// make Python raise at its next call; if it does not come back within the
// grace period the worker is abandoned and ir's error returned.
func (w *worker) run(ir *interrupt.Signal, fn func() error) error {
	done := make(chan error, 1)
	w.jobs <- func() { done <- w.execute(ir, fn) }
	return ir.Await(done, interrupt.Grace{Period: w.grace, GiveUp: func() { w.abandon(ir) }})
}

// abandon gives up on a worker stuck in Python. Its goroutine cannot be
// killed; if the code ever returns, the worker closes its context and exits.
func (w *worker) abandon(ir *interrupt.Signal) {
	w.abandoned.Store(true)
	w.log.Error("abandoned an interpreter context that did not stop after its request was interrupted",
		"reason", ir.Err(), "grace", w.grace)
	w.stop()
}

// execute runs fn on the worker goroutine with the guard armed.
func (w *worker) execute(ir *interrupt.Signal, fn func() error) (err error) {
	w.guard.ir, w.guard.depth = ir, 0
	defer func() {
		w.guard.ir = nil
		r := recover()
		if r == nil {
			return
		}
		// Either way frames were cut short mid-instruction, so the
		// context is not trusted with another request.
		w.broken = true
		if _, ok := r.(forcedUnwind); ok {
			w.log.Warn("unwound Python code that kept running after its request was interrupted")
			err = ir.Err()
			return
		}
		w.log.Error("recovered a Go panic inside gpython", "panic", r, "stack", string(debug.Stack()))
		err = &panicError{value: r}
	}()
	return fn()
}

// panicError is a Go panic recovered from gpython: an interpreter fault,
// not a Python exception.
type panicError struct{ value any }

func (e *panicError) Error() string {
	return fmt.Sprintf("gpython panicked: %v", e.value)
}
