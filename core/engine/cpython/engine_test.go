//go:build cgo && cpython

package cpython

import (
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
	"github.com/gowsgi/gowsgi/core/engine/workerpool"
)

// TestEngine holds CPython to the behaviour every engine owes the gateway.
func TestEngine(t *testing.T) {
	enginetest.Run(t, enginetest.Harness{
		Name:    "cpython",
		Engines: engines,
		// Room for the interruption to be raised again a few times.
		Grace:      300 * time.Millisecond,
		AbandonLog: "abandoned a Python thread",
		Stalls: []enginetest.Stall{
			// CPython raises at any bytecode boundary, calls or not.
			{Mode: "tight", Code: "while True:\n    pass"},
			{
				// Each interruption is swallowed, but it is raised again
				// during the grace period; bounded, so a thread abandoned
				// here ends soon after the test.
				Mode:       "swallowed",
				Code:       "end = time.monotonic() + 2\nwhile time.monotonic() < end:\n    try:\n        f()\n    except BaseException:\n        pass",
				MayAbandon: true,
			},
		},
		ModuleName:      moduleName,
		Workers:         func(a engine.App) uint64 { return a.(*app).workers.Load() },
		ErrAppClosed:    workerpool.ErrClosed,
		ErrResultClosed: errResultClosed,
	})
}
