package enginetest

import (
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// Loader loads test scripts on fresh engines of one kind, letting a test
// change the spec and the engine's fixed settings, of type S, before Load.
type Loader[S any] struct {
	// New is the engine package's New.
	New func(log hclog.Logger) (engine.Engine, error)
	// Settings points at the settings of an engine New made.
	Settings func(e engine.Engine) *S
	// Limits points at the settings Run shortens for some cases: how long
	// interrupted Python gets to stop before the engine abandons it, and
	// how long running a script at Load may take.
	Limits func(settings *S) (grace, loadLimit *time.Duration)
}

// Engine makes an engine whose log goes to the returned buffer.
func (l Loader[S]) Engine(t testing.TB) (engine.Engine, *LogBuffer) {
	t.Helper()
	log, logs := Logger()
	e, err := l.New(log)
	if err != nil {
		t.Fatal(err)
	}
	return e, logs
}

// TryLoad writes src as a script and loads it on a fresh engine (see
// Load), after each of adjust changed the spec or the engine's settings.
// It returns the engine's log and Load's error.
func (l Loader[S]) TryLoad(t testing.TB, src string, adjust ...func(*engine.Spec, *S)) (engine.App, *LogBuffer, error) {
	t.Helper()
	e, logs := l.Engine(t)
	app, err := Load(t, e, src, func(spec *engine.Spec) {
		for _, f := range adjust {
			f(spec, l.Settings(e))
		}
	})
	return app, logs, err
}

// Load is TryLoad for scripts that must load.
func (l Loader[S]) Load(t testing.TB, src string, adjust ...func(*engine.Spec, *S)) engine.App {
	t.Helper()
	app, _, err := l.TryLoad(t, src, adjust...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return app
}

// limited makes an engine for Run, logging to log, with lim applied.
func (l Loader[S]) limited(log hclog.Logger, lim limits) (engine.Engine, error) {
	e, err := l.New(log)
	if err != nil {
		return nil, err
	}
	grace, loadLimit := l.Limits(l.Settings(e))
	if lim.grace > 0 {
		*grace = lim.grace
	}
	if lim.loadLimit > 0 {
		*loadLimit = lim.loadLimit
	}
	return e, nil
}
