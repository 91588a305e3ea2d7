package gpython

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/gowsgi/gowsgi/core/engine/workerpool"
	"github.com/hashicorp/go-hclog"
)

// app is a loaded WSGI application: one compiled script and a pool of
// contexts that each ran it once.
type app struct {
	log      hclog.Logger
	script   *script
	settings settings
	timeout  time.Duration
	pool     *workerpool.Pool[*worker]
	workers  atomic.Uint64 // contexts made so far, naming them in logs
	closing  sync.Once
}

func newApp(log hclog.Logger, s *script, spec engine.Spec, cfg settings) *app {
	threads := max(spec.Threads, 1)
	a := &app{log: log, script: s, settings: cfg, timeout: spec.RequestTimeout}
	a.pool = workerpool.New(threads, a.startContext)
	return a
}

// startContext makes a worker and runs the script in its new context,
// bounded by ir.
func (a *app) startContext(ir *interrupt.Signal) (*worker, error) {
	w := startWorker(a.workers.Add(1), a.log, a.settings)
	err := a.run(w, ir, func() error { return a.boot(w) })
	if err != nil {
		w.stop()
		return nil, err
	}
	w.log.Debug("interpreter context ready")
	return w, nil
}

// boot runs on the worker goroutine: the context must be registered with
// the VM hooks before any of the script's code runs.
func (a *app) boot(w *worker) error {
	w.pyctx = py.NewContext(a.script.contextOpts())
	guards.Store(w.pyctx, &w.guard)
	callable, err := a.script.instantiate(w.pyctx)
	if err != nil {
		return err
	}
	w.callable = callable
	return nil
}

// run executes fn on w under ir. Python failures come back as
// *engine.ScriptError. Once ir fired, the interruption is the outcome
// whatever Python made of it: gpython's for loops take any exception from
// a generator for the end of the loop, so code may have carried on after
// swallowing the interruption.
func (a *app) run(w *worker, ir *interrupt.Signal, fn func() error) error {
	return ir.Outcome(w.run(ir, func() error {
		if err := fn(); err != nil {
			return describe(err, a.script.path)
		}
		return nil
	}))
}

// Call runs the callable for one request and returns its iterable.
func (a *app) Call(ctx context.Context, req *engine.Request) (engine.Result, error) {
	w, ir, err := a.pool.Begin(ctx, a.timeout)
	if err != nil {
		return nil, wrapFailure(a.script.path, err)
	}
	scope := &requestScope{req: req, ir: ir}
	var iterable py.Object
	err = a.run(w, ir, func() error {
		var err error
		iterable, err = callObject(w.callable, py.Tuple{buildEnviron(scope), newStartResponse(scope)})
		return err
	})
	if err != nil {
		scope.over.Store(true)
		ir.Stop()
		a.release(w)
		return nil, wrapFailure(a.script.path, err)
	}
	return newResult(a, w, scope, iterable), nil
}

// release gives w back to the pool after a request. A context whose Python
// frames were cut short is stopped, and the pool lets a new one take its
// slot; an abandoned one was stopped when it was abandoned.
func (a *app) release(w *worker) {
	if !w.abandoned.Load() && w.broken {
		w.log.Warn("replacing an interpreter context whose Python frames were cut short")
		w.stop()
	}
	a.pool.Release(w)
}

// Close stops every context once the requests in flight are done.
func (a *app) Close() error {
	a.closing.Do(func() {
		a.pool.Close()
		a.log.Debug("application closed")
	})
	return nil
}

// wrapFailure adds the script to engine-side errors; a ScriptError already
// names its file.
func wrapFailure(path string, err error) error {
	var scriptErr *engine.ScriptError
	if errors.As(err, &scriptErr) {
		return err
	}
	return fmt.Errorf("gpython: %s: %w", path, err)
}
