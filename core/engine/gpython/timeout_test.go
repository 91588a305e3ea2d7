package gpython

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Endless requests end with ErrTimeout and the app keeps serving.
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
    if mode == 'no-calls':
        # No Python call inside the loop, so the VM hooks never run: this is
        # "while True: pass", bounded so the abandoned goroutine ends after
        # the test instead of spinning for the rest of the run.
        end = time.time() + 3
        while time.time() < end:
            pass
    if mode == 'swallowed':
        while True:
            try:
                f()
            except:
                pass
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
		wantAbandoned bool
		wantLog       string
	}{
		{mode: "calls"},
		{mode: "swallowed", wantLog: "unwound Python code that kept running"},
		{mode: "generator"},
		{mode: "no-calls", wantAbandoned: true, wantLog: "[ERROR]"},
	}
	for _, tc := range cases {
		t.Run(tc.mode, func(t *testing.T) {
			const limit = 200 * time.Millisecond
			app, logs, err := loadLogged(t, endlessScript, func(s *engine.Spec, cfg *settings) {
				s.RequestTimeout = limit
				cfg.grace = 100 * time.Millisecond
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
			if elapsed < limit || elapsed > limit+time.Second {
				t.Errorf("took %v for a %v limit", elapsed, limit)
			}
			abandoned := strings.Contains(logs.String(), "abandoned an interpreter context")
			if abandoned != tc.wantAbandoned {
				t.Errorf("abandoned = %v, want %v; logs:\n%s", abandoned, tc.wantAbandoned, logs)
			}
			if !strings.Contains(logs.String(), tc.wantLog) {
				t.Errorf("logs lack %q:\n%s", tc.wantLog, logs)
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
	_, err := serve(ctx, app, modeRequest("calls"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if body, err := serve(context.Background(), app, modeRequest("quick")); err != nil || body != "served" {
		t.Fatalf("next request: body %q err %v", body, err)
	}
}

// The timeout covers iteration: a slow consumer still ends at the deadline.
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
		}
	}
	if err := res.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// A Close after an abandoned request returns at once and frees the slot.
func TestCloseAfterAbandonDoesNotBlock(t *testing.T) {
	app := load(t, endlessScript, func(s *engine.Spec, cfg *settings) {
		s.RequestTimeout = 100 * time.Millisecond
		cfg.grace = 50 * time.Millisecond
	})
	res, err := app.Call(context.Background(), modeRequest("quick"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := res.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := res.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
	if err := res.Close(); err != nil {
		t.Fatal(err)
	}

	_, err = serve(context.Background(), app, modeRequest("no-calls"))
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
		t.Fatal("App.Close blocked on an abandoned context")
	}
}

// Waiting for a free context honours the caller's context.
func TestWaitForContextHonoursCancellation(t *testing.T) {
	app := load(t, endlessScript)
	held, err := app.Call(context.Background(), modeRequest("quick"))
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

func TestCallAfterClose(t *testing.T) {
	app := load(t, endlessScript)
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Call(context.Background(), modeRequest("quick")); !errors.Is(err, errAppClosed) {
		t.Fatalf("err = %v, want errAppClosed", err)
	}
}

// Python that outlives its abandoned request cannot reach the gateway.
func TestAbandonedContextCannotReachGateway(t *testing.T) {
	app := load(t, `
import time

def application(environ, start_response):
    end = time.time() + 0.5
    while time.time() < end:
        pass
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
	time.Sleep(time.Second) // the abandoned loop ends after 0.5 s
	if x.calls != 0 || x.errs.String() != "" {
		t.Fatalf("abandoned code reached the gateway: %d start_response calls, errors %q", x.calls, x.errs.String())
	}
}
