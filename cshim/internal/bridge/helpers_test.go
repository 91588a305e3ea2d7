package bridge

import (
	"context"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/wsgi"
)

// fakeApp is a Dispatcher running a Go function as the application.
type fakeApp func(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome

func (f fakeApp) Serve(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
	return f(ctx, req, w)
}

func (f fakeApp) Close(context.Context) error { return nil }

// startOne starts a core with one app and one request on it.
func startOne(t *testing.T, app fakeApp, req *wsgi.Request) (*Core, uint64) {
	t.Helper()
	c := NewCore([]Dispatcher{app}, -1)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := c.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	if req == nil {
		req = &wsgi.Request{Method: "GET", Path: "/"}
	}
	id, err := c.Start(1, req, 42)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	return c, id
}

// pollUntil waits for news and polls until an event other than NONE.
func pollUntil(t *testing.T, c *Core, id uint64, buf []byte) Event {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ev, err := c.Poll(id, buf)
		if err != nil {
			t.Fatalf("poll: %v", err)
		}
		if ev.Type != EventNone {
			return ev
		}
		if _, err := c.Wait(id, 100*time.Millisecond); err != nil {
			t.Fatalf("wait: %v", err)
		}
	}
	t.Fatal("no event within 10s")
	return Event{}
}
