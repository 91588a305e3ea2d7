//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Requests that never end on their own; QUERY_STRING picks how.
const endlessScript = `
import time

def f():
    pass

def endless_generator():
    while True:
        f()
        yield b"x"

def application(environ, start_response):
    mode = environ['QUERY_STRING']
    start_response('200 OK', [])
    if mode == 'calls':
        while True:
            f()
    if mode == 'tight':
        while True:
            pass
    if mode == 'swallowed':
        # Bounded, so a thread abandoned here ends soon after the test.
        end = time.monotonic() + 2
        while time.monotonic() < end:
            try:
                f()
            except BaseException:
                pass
    if mode == 'sleep':
        # Blocked in C: no bytecode boundary to raise at.
        time.sleep(1.5)
    if mode == 'generator':
        return endless_generator()
    return [b"served"]
`

func modeRequest(mode string) *engine.Request {
	var x exchange
	return x.request(map[string]string{"QUERY_STRING": mode}, "")
}

func TestRequestTimeout(t *testing.T) {
	cases := []struct {
		mode          string
		wantAbandoned bool // false: must not be; true: must be
		mayAbandon    bool // either is fine
	}{
		{mode: "calls"},
		{mode: "tight"},
		{mode: "generator"},
		{mode: "swallowed", mayAbandon: true},
		{mode: "sleep", wantAbandoned: true},
	}
	for _, tc := range cases {
		t.Run(tc.mode, func(t *testing.T) {
			const limit, grace = 200 * time.Millisecond, 300 * time.Millisecond
			app, logs, err := loadLogged(t, endlessScript, func(s *engine.Spec, cfg *settings) {
				s.RequestTimeout = limit
				cfg.grace = grace
			})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = serve(context.Background(), app, modeRequest(tc.mode))
			elapsed := time.Since(start)
			if !errors.Is(err, engine.ErrTimeout) {
				t.Fatalf("err = %v, want ErrTimeout", err)
			}
			if elapsed < limit || elapsed > limit+grace+time.Second {
				t.Errorf("took %v for a %v limit", elapsed, limit)
			}
			abandoned := strings.Contains(logs.String(), "abandoned a Python thread")
			if !tc.mayAbandon && abandoned != tc.wantAbandoned {
				t.Errorf("abandoned = %v, want %v; logs:\n%s", abandoned, tc.wantAbandoned, logs)
			}
			body, err := serve(context.Background(), app, modeRequest("quick"))
			if err != nil || body != "served" {
				t.Fatalf("next request: body %q err %v", body, err)
			}
		})
	}
}

func TestCancellation(t *testing.T) {
	app := load(t, endlessScript)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := serve(ctx, app, modeRequest("tight"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if body, err := serve(context.Background(), app, modeRequest("quick")); err != nil || body != "served" {
		t.Fatalf("next request: body %q err %v", body, err)
	}
}

// The limit covers iteration: a slow consumer still ends at the deadline,
// and close() still runs.
func TestTimeoutCoversIteration(t *testing.T) {
	app := load(t, endlessScript, func(s *engine.Spec, _ *settings) { s.RequestTimeout = 150 * time.Millisecond })
	res, err := app.Call(context.Background(), modeRequest("generator"))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.After(2 * time.Second)
	for {
		_, err := res.Next()
		if errors.Is(err, engine.ErrTimeout) {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		select {
		case <-deadline:
			t.Fatal("iteration never timed out")
		default:
			time.Sleep(10 * time.Millisecond)
		}
	}
	if err := res.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// A Close after an abandoned request returns at once, and App.Close does
// not wait for the abandoned thread.
func TestCloseAfterAbandonDoesNotBlock(t *testing.T) {
	app := load(t, endlessScript, func(s *engine.Spec, cfg *settings) {
		s.RequestTimeout = 100 * time.Millisecond
		cfg.grace = 50 * time.Millisecond
	})
	_, err := serve(context.Background(), app, modeRequest("sleep"))
	if !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Second):
		t.Fatal("App.Close blocked on an abandoned thread")
	}
}

// Waiting for a free thread honours the caller's context.
func TestWaitForWorkerHonoursCancellation(t *testing.T) {
	app := load(t, endlessScript)
	held, err := app.Call(context.Background(), modeRequest("generator"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := app.Call(ctx, modeRequest("quick")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	if body, err := serve(context.Background(), app, modeRequest("quick")); err != nil || body != "served" {
		t.Fatalf("after release: body %q err %v", body, err)
	}
}

// Python that outlives its abandoned request cannot reach the gateway.
func TestAbandonedThreadCannotReachGateway(t *testing.T) {
	app := load(t, `
import time

def application(environ, start_response):
    time.sleep(0.5)
    environ['wsgi.errors'].write("too late")
    start_response('200 OK', [])
    return [b"too late"]
`, func(s *engine.Spec, cfg *settings) {
		s.RequestTimeout = 100 * time.Millisecond
		cfg.grace = 50 * time.Millisecond
	})
	var x exchange
	if _, err := serve(context.Background(), app, x.request(nil, "")); !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	time.Sleep(time.Second) // the sleep ends after 0.5 s
	if x.startCalls() != 0 || x.errs.String() != "" {
		t.Fatalf("abandoned code reached the gateway: %d start_response calls, errors %q", x.startCalls(), x.errs.String())
	}
}

// close() of an interrupted response still runs, within its own grace.
func TestCloseRunsAfterTimeout(t *testing.T) {
	app := load(t, `
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
	var x exchange
	res, err := app.Call(context.Background(), x.request(nil, ""))
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
	if got := x.errs.String(); got != "cleaned up" {
		t.Errorf("close() wrote %q to wsgi.errors, want \"cleaned up\"", got)
	}
}
