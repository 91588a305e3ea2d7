//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// close() of an interrupted response still runs, within its own grace,
// and may still use wsgi.errors.
func TestCloseRunsAfterTimeout(t *testing.T) {
	app := engines.Load(t, `
class Body:
    def __init__(self, errors):
        self.errors = errors
    def __iter__(self):
        while True:
            yield b"x"
    def close(self):
        self.errors.write("cleaned up")

def application(environ, start_response):
    start_response('200 OK', [])
    return Body(environ['wsgi.errors'])
`, func(s *engine.Spec, _ *settings) { s.RequestTimeout = 100 * time.Millisecond })
	var x enginetest.Exchange
	res, err := app.Call(context.Background(), x.Request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	for err == nil {
		_, err = res.Next()
		time.Sleep(5 * time.Millisecond)
	}
	if !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("Next = %v, want ErrTimeout", err)
	}
	if err := res.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := x.Errors.String(); got != "cleaned up" {
		t.Errorf("close() wrote %q to wsgi.errors, want \"cleaned up\"", got)
	}
}
