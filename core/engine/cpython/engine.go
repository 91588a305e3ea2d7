//go:build cgo && cpython

package cpython

import (
	"context"
	"fmt"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/gowsgi/gowsgi/core/engine/loadspec"
	"github.com/hashicorp/go-hclog"
)

// Name is what users type in WSGIEngine.
const Name = "cpython"

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
	return &cpythonEngine{log: loadspec.EngineLogger(log, Name), settings: defaultSettings()}, nil
}

func (e *cpythonEngine) Name() string { return Name }

// Load starts the interpreter if need be, runs the script as a module on
// the app's first worker and finds its callable. More workers are started
// on demand, up to spec.Threads.
func (e *cpythonEngine) Load(spec engine.Spec) (engine.App, error) {
	log, err := loadspec.Prepare(&spec, Name, e.log)
	if err != nil {
		return nil, err
	}
	if err := python.start(spec.PythonHome, e.log); err != nil {
		return nil, fmt.Errorf("cpython: %w", err)
	}

	a := newApp(log, spec, e.settings)
	w := a.startWorker()
	ir := interrupt.New(context.Background(), e.settings.loadLimit)
	defer ir.Stop()
	if err := a.run(w, ir, a.load); err != nil {
		// After an abandoned load, what the script made is released when
		// it finally returns.
		w.stop(a.release)
		return nil, a.failure(err)
	}
	a.pool.Put(w)
	log.Debug("application loaded", "threads", a.pool.Size(), "request_timeout", spec.RequestTimeout)
	return a, nil
}
