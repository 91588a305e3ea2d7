//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"fmt"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// Name is what users type in WSGIEngine.
const Name = "cpython"

// defaultCallable is mod_wsgi's default WSGICallableObject.
const defaultCallable = "application"

func init() {
	engine.Register(Name, New)
}

// cpythonEngine loads apps into the process's CPython interpreter.
type cpythonEngine struct {
	log      hclog.Logger
	settings settings
}

// New makes the CPython engine; the interpreter starts at the first Load.
// log may be nil.
func New(log hclog.Logger) (engine.Engine, error) {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return &cpythonEngine{log: log.Named(Name), settings: defaultSettings()}, nil
}

func (e *cpythonEngine) Name() string { return Name }

// Load starts the interpreter if need be, runs the script as a module on
// the app's first worker and finds its callable. More workers are started
// on demand, up to spec.Threads.
func (e *cpythonEngine) Load(spec engine.Spec) (engine.App, error) {
	if spec.Script == "" {
		return nil, errors.New("cpython: no script to load")
	}
	if spec.Callable == "" {
		spec.Callable = defaultCallable
	}
	log := e.log
	if spec.Logger != nil {
		log = spec.Logger.Named(Name)
	}
	log = log.With("script", spec.Script)
	if err := python.start(spec.PythonHome, e.log); err != nil {
		return nil, fmt.Errorf("cpython: %w", err)
	}

	a := newApp(log, spec, e.settings)
	w := a.startWorker()
	ir := newRequestInterrupt(context.Background(), e.settings.loadLimit)
	defer ir.stop()
	if err := a.run(w, ir, a.load); err != nil {
		// After an abandoned load, what the script made is released when
		// it finally returns.
		w.stop(a.release)
		return nil, a.failure(err)
	}
	a.pool.put(w)
	log.Debug("application loaded", "threads", cap(a.pool.slots), "request_timeout", spec.RequestTimeout)
	return a, nil
}
