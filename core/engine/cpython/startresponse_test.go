//go:build cgo && cpython

package cpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// A re-raised exc_info keeps its traceback: the error points at the raise,
// not at the start_response call that re-raised it.
func TestReraisedExcInfoKeepsItsTraceback(t *testing.T) {
	app := engines.Load(t, `import sys
def application(environ, start_response):
    start_response('200 OK', [])
    try:
        raise ValueError("late failure")
    except ValueError:
        start_response('500 Internal Server Error', [], sys.exc_info())
    return [b"unreachable"]
`)
	x := enginetest.Exchange{StartErr: func(_ int, excInfo bool) error {
		if excInfo {
			return engine.ErrReraise
		}
		return nil
	}}
	_, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
	if se := enginetest.ScriptError(t, err); se.Message != "ValueError: late failure" || se.Line != 5 {
		t.Errorf("got line %d message %q; traceback:\n%s", se.Line, se.Message, se.Traceback)
	}
}
