//go:build cgo && cpython

package cpython

import (
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// engines makes the engines these tests load scripts on; they all share
// the process's one interpreter.
var engines = enginetest.Loader[settings]{
	New:      New,
	Settings: func(e engine.Engine) *settings { return &e.(*cpythonEngine).settings },
	Limits:   func(s *settings) (grace, loadLimit *time.Duration) { return &s.grace, &s.loadLimit },
}
