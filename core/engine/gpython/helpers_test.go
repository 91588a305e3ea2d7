package gpython

import (
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// engines makes the engines these tests load scripts on.
var engines = enginetest.Loader[settings]{
	New:      New,
	Settings: func(e engine.Engine) *settings { return &e.(*gpythonEngine).settings },
	Limits:   func(s *settings) (grace, loadLimit *time.Duration) { return &s.grace, &s.loadLimit },
}

// writeFile creates dir/name with src and returns its path.
var writeFile = enginetest.WriteFile
