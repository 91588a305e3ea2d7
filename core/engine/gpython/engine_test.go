package gpython

import (
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
	"github.com/gowsgi/gowsgi/core/engine/workerpool"
)

// TestEngine holds gpython to the behaviour every engine owes the gateway.
func TestEngine(t *testing.T) {
	enginetest.Run(t, enginetest.Harness{
		Name:    "gpython",
		Engines: engines,
		// The forced unwind comes at half the grace: enough margin that a
		// loaded machine still unwinds before it abandons.
		Grace:      400 * time.Millisecond,
		AbandonLog: "abandoned an interpreter context",
		Stalls: []enginetest.Stall{
			{
				// No Python call inside the loop, so the VM hooks never run:
				// this is "while True: pass", bounded so the abandoned
				// goroutine ends after the test instead of spinning for the
				// rest of the run.
				Mode:      "no-calls",
				Code:      "end = time.time() + 3\nwhile time.time() < end:\n    pass",
				Abandoned: true,
				Log:       "[ERROR]",
			},
			{
				// Every RequestInterrupted is swallowed: the hooks unwind
				// the frames by force.
				Mode: "swallowed",
				Code: "while True:\n    try:\n        f()\n    except:\n        pass",
				Log:  "unwound Python code that kept running",
			},
		},
		ModuleName:      moduleName,
		Workers:         func(a engine.App) uint64 { return a.(*app).workers.Load() },
		ErrAppClosed:    workerpool.ErrClosed,
		ErrResultClosed: errResultClosed,
	})
}
