// Package enginetest is the behaviour every engine owes the gateway,
// written once as tests that run against any engine.Engine: the app shapes
// PEP 3333 allows, start_response and exc_info, write(), close() exactly
// once, wsgi.input, wsgi.errors and wsgi.file_wrapper, request timeouts and
// cancellation, parallel requests, and where errors point. An engine's own
// tests call Run and keep only what is particular to that engine; they may
// use the fakes and helpers here too.
package enginetest

import (
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// Harness is what Run needs to know of the engine under test.
type Harness struct {
	// Name is what users type in WSGIEngine: the engine is registered
	// under it and reports it.
	Name string
	// Engines makes the engines under test: a Loader with its Limits set.
	Engines interface {
		limited(log hclog.Logger, lim limits) (engine.Engine, error)
	}
	// Grace is how long interrupted Python gets to stop in the request
	// timeout cases: time enough for the engine's way of stopping it.
	Grace time.Duration
	// AbandonLog is what the engine logs when it gives up on a worker
	// stuck in Python.
	AbandonLog string
	// Stalls are the engine's own ways for a request to run past its
	// limit, tested besides those every engine has.
	Stalls []Stall
	// ModuleName is the name of the module a script runs as.
	ModuleName func(script string) string
	// Workers reports how many workers an app of the engine has started.
	Workers func(app engine.App) uint64
	// ErrAppClosed is what Call returns once the app is closed, and
	// ErrResultClosed what Next returns once the result is closed.
	ErrAppClosed, ErrResultClosed error
}

// limits shorten an engine's fixed settings for a case (see
// Loader.Limits); a zero field keeps the engine's own.
type limits struct {
	grace, loadLimit time.Duration
}

// Stall is Python code that runs past a request's time limit, and what the
// engine must make of it.
type Stall struct {
	// Mode is the QUERY_STRING that selects the stall.
	Mode string
	// Code is the body of the stall, indented as at the top of a function:
	// it must not return before the limit.
	Code string
	// Abandoned says the engine must give up on the worker (true) or must
	// stop the code without doing so (false), unless MayAbandon allows
	// either.
	Abandoned, MayAbandon bool
	// Log is a text the engine's log must then contain, when not "".
	Log string
}

// Run runs every case against the engine h describes.
func Run(t *testing.T, h Harness) {
	s := &suite{h: h}
	cases := []struct {
		name string
		run  func(*testing.T)
	}{
		{"ApplicationShapes", s.applicationShapes},
		{"Environ", s.environ},
		{"StartResponse", s.startResponse},
		{"IterableCloseCalledOnce", s.iterableCloseCalledOnce},
		{"FileWrapper", s.fileWrapper},
		{"FileWrapperArguments", s.fileWrapperArguments},
		{"BodyItemsMustBeBytes", s.bodyItemsMustBeBytes},
		{"ErrorsPointAtTheRaisingLine", s.errorsPointAtTheRaisingLine},
		{"CallablesKeptAfterRequestsEnd", s.callablesKeptAfterRequestsEnd},
		{"InputStream", s.inputStream},
		{"InputStreamGatewayError", s.inputStreamGatewayError},
		{"ErrorStream", s.errorStream},
		{"RequestTimeout", s.requestTimeout},
		{"Cancellation", s.cancellation},
		{"TimeoutCoversIteration", s.timeoutCoversIteration},
		{"CloseAfterAbandonDoesNotBlock", s.closeAfterAbandonDoesNotBlock},
		{"WaitForWorkerHonoursCancellation", s.waitForWorkerHonoursCancellation},
		{"CallAfterClose", s.callAfterClose},
		{"AbandonedWorkerCannotReachGateway", s.abandonedWorkerCannotReachGateway},
		{"ParallelRequests", s.parallelRequests},
		{"LoadErrors", s.loadErrors},
		{"LoadMissingScript", s.loadMissingScript},
		{"LoadTimeLimit", s.loadTimeLimit},
		{"ModuleSetup", s.moduleSetup},
		{"DefaultCallableName", s.defaultCallableName},
		{"Registered", s.registered},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

// suite runs the cases against one engine.
type suite struct{ h Harness }

// setup is how a case wants its app loaded.
type setup struct {
	callable string        // "" for "application"
	threads  int           // 0 for one
	timeout  time.Duration // the request time limit; 0 for none
	lim      limits
	adjust   func(*engine.Spec) // last, when not nil
}

// engine makes the engine under test with limits, logging to logs.
func (s *suite) engine(t *testing.T, lim limits) (engine.Engine, *LogBuffer) {
	t.Helper()
	log, logs := Logger()
	e, err := s.h.Engines.limited(log, lim)
	if err != nil {
		t.Fatal(err)
	}
	return e, logs
}

// tryLoad loads src as the script of a fresh engine, and returns that
// engine's log and Load's error.
func (s *suite) tryLoad(t *testing.T, src string, cfg setup) (engine.App, *LogBuffer, error) {
	t.Helper()
	e, logs := s.engine(t, cfg.lim)
	app, err := Load(t, e, src, func(spec *engine.Spec) {
		if cfg.callable != "" {
			spec.Callable = cfg.callable
		}
		if cfg.threads > 0 {
			spec.Threads = cfg.threads
		}
		spec.RequestTimeout = cfg.timeout
		if cfg.adjust != nil {
			cfg.adjust(spec)
		}
	})
	return app, logs, err
}

// load is tryLoad for scripts that must load.
func (s *suite) load(t *testing.T, src string, cfg setup) engine.App {
	t.Helper()
	app, _, err := s.tryLoad(t, src, cfg)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return app
}
