// Package loadspec is what every engine does with an engine.Spec before
// loading it, so that all engines agree on the defaults users rely on.
package loadspec

import (
	"fmt"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// DefaultCallable is mod_wsgi's default WSGICallableObject.
const DefaultCallable = "application"

// EngineLogger is the log of the engine called name: log, or a silent one
// when log is nil.
func EngineLogger(log hclog.Logger, name string) hclog.Logger {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return log.Named(name)
}

// Prepare checks that spec names a script and fills in the default
// callable. It returns the app's log: the spec's own logger when it has
// one, else engineLog (already named after the engine), with the script.
func Prepare(spec *engine.Spec, name string, engineLog hclog.Logger) (hclog.Logger, error) {
	if spec.Script == "" {
		return nil, fmt.Errorf("%s: no script to load", name)
	}
	if spec.Callable == "" {
		spec.Callable = DefaultCallable
	}
	log := engineLog
	if spec.Logger != nil {
		log = spec.Logger.Named(name)
	}
	return log.With("script", spec.Script), nil
}
