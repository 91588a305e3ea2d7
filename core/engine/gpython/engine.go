// Package gpython runs WSGI applications on gpython, a Python 3.4
// interpreter written in Go. Each app gets a pool of independent
// interpreter contexts that run requests in parallel without a GIL; the
// engine adds what gpython lacks for serving untrusted request load
// safely: a recursion limit, request deadlines and cancellation, recovery
// from interpreter panics, and the few str/bytes operations every WSGI app
// needs.
package gpython

import (
	"context"

	"github.com/go-python/gpython/py"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pymod"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	"github.com/gowsgi/gowsgi/core/engine/loadspec"
	"github.com/hashicorp/go-hclog"
)

// Name is what users type in WSGIEngine.
const Name = "gpython"

func init() {
	// Methods, builtins and modules gpython lacks go in before any context
	// copies the builtins module; the rewriter comes last, as it wraps
	// builtins pyext installed (isinstance).
	pyext.Install()
	pymod.Install()
	// Types made after gpython's own were readied are not subtypes of their
	// base until readied: `except RuntimeError` must catch RecursionError,
	// and a bare `except:` (rewritten to `except BaseException`) must see
	// RequestInterrupted.
	for _, t := range []*py.Type{recursionError, requestInterrupted} {
		if err := pymod.ReadyType(t); err != nil {
			panic(err)
		}
	}
	pymod.RecursionError = recursionError
	pymod.SetDictMaker(pydict.FromPairs)
	rewrite.Install()
	rewrite.Warn = func(file string, err error) {
		// Compiles happen below any app's logger; the process default is
		// the host's (hosts install theirs with hclog.SetDefault).
		hclog.Default().Named(Name).Warn("module compiled without the compatibility rewrite", "file", file, "error", err)
	}
	engine.Register(Name, New)
}

// gpythonEngine loads apps into gpython contexts.
type gpythonEngine struct {
	log      hclog.Logger
	settings settings
}

// New makes the gpython engine. log may be nil.
func New(log hclog.Logger) (engine.Engine, error) {
	return &gpythonEngine{log: loadspec.EngineLogger(log, Name), settings: defaultSettings()}, nil
}

func (e *gpythonEngine) Name() string { return Name }

// Load compiles the script, runs it in a first context and finds its
// callable; further contexts are made on demand up to spec.Threads.
func (e *gpythonEngine) Load(spec engine.Spec) (engine.App, error) {
	log, err := loadspec.Prepare(&spec, Name, e.log)
	if err != nil {
		return nil, err
	}
	s, err := compileScript(spec)
	if err != nil {
		return nil, wrapFailure(spec.Script, err)
	}
	a := newApp(log, s, spec, e.settings)
	ir := interrupt.New(context.Background(), e.settings.loadLimit)
	defer ir.Stop()
	w, err := a.startContext(ir)
	if err != nil {
		return nil, wrapFailure(spec.Script, err)
	}
	a.pool.Put(w)
	log.Debug("application loaded", "threads", a.pool.Size(), "request_timeout", spec.RequestTimeout)
	return a, nil
}
