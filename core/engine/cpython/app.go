//go:build cgo && cpython

package cpython

// #include "bridge.h"
import "C"

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/gowsgi/gowsgi/core/engine/workerpool"
	"github.com/hashicorp/go-hclog"
)

// app is a loaded WSGI application: a module in the shared interpreter,
// its callable, and the worker threads that call it.
type app struct {
	log          hclog.Logger
	script       string
	callableName string
	moduleName   string
	sysPath      []string
	timeout      time.Duration
	settings     settings
	pool         *workerpool.Pool[*worker]
	workers      atomic.Uint64 // threads started so far, naming them in logs

	// Set by load before Load returns, then used holding the GIL.
	module, callable *C.PyObject

	closing sync.Once
}

func newApp(log hclog.Logger, spec engine.Spec, cfg settings) *app {
	a := &app{
		log:          log,
		script:       spec.Script,
		callableName: spec.Callable,
		moduleName:   moduleName(spec.Script),
		sysPath:      sysPath(spec),
		timeout:      spec.RequestTimeout,
		settings:     cfg,
	}
	a.pool = workerpool.New(max(spec.Threads, 1), func(*interrupt.Signal) (*worker, error) {
		return a.startWorker(), nil
	})
	return a
}

func (a *app) startWorker() *worker {
	return startWorker(a.log.With("thread", a.workers.Add(1)), a.settings)
}

// run executes fn on w under ir. Once ir fired, the interruption is the
// outcome whatever Python made of it.
func (a *app) run(w *worker, ir *interrupt.Signal, fn func() error) error {
	return ir.Outcome(w.run(ir, fn))
}

// Call runs the callable for one request and returns its iterable.
func (a *app) Call(ctx context.Context, req *engine.Request) (engine.Result, error) {
	w, ir, err := a.pool.Begin(ctx, a.timeout)
	if err != nil {
		return nil, a.failure(err)
	}
	r := &result{app: a, w: w, scope: python.scopes.open(req, ir)}
	if err := a.run(w, ir, r.start); err != nil {
		if closeErr := r.Close(); closeErr != nil {
			a.log.Warn("close() of a failed response failed too", "error", closeErr)
		}
		return nil, a.failure(err)
	}
	if r.py.sequence {
		// Its chunks are copied: no Python is left to run for it.
		r.giveBack()
	}
	return r, nil
}

// Close releases the app once the requests in flight are done.
func (a *app) Close() error {
	a.closing.Do(func() {
		a.pool.Close()
		python.do(a.release)
		a.log.Debug("application closed")
	})
	return nil
}

// failure names the script in engine-side errors; a ScriptError gets the
// script as its file when Python did not say where it failed.
func (a *app) failure(err error) error {
	var scriptErr *engine.ScriptError
	if errors.As(err, &scriptErr) {
		if scriptErr.File == "" {
			scriptErr.File = a.script
		}
		return err
	}
	return fmt.Errorf("cpython: %s: %w", a.script, err)
}
