package enginetest

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// stalls are the ways every engine must handle for a request to run past
// its limit: Python that keeps calling, a generator that never ends, and
// Python blocked outside Python code, where nothing can raise.
var stalls = []Stall{
	{Mode: "calls", Code: "while True:\n    f()"},
	{Mode: "generator", Code: "return endless_generator()"},
	{Mode: "sleep", Code: "time.sleep(1.5)", Abandoned: true},
}

// endlessScript serves "served" unless QUERY_STRING names one of stalls.
func endlessScript(stalls []Stall) string {
	var modes strings.Builder
	for _, st := range stalls {
		modes.WriteString("    if mode == '" + st.Mode + "':\n")
		for line := range strings.Lines(st.Code) {
			modes.WriteString("        " + line)
		}
		modes.WriteString("\n")
	}
	return `
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
` + modes.String() + `    return [b"served"]
`
}

// allStalls are the engine's stalls after everyone's.
func (s *suite) allStalls() []Stall {
	return append(append([]Stall{}, stalls...), s.h.Stalls...)
}

// served asserts the app still serves a plain request.
func served(t *testing.T, app engine.App, after string) {
	t.Helper()
	if body, err := Serve(context.Background(), app, Query("quick")); err != nil || body != "served" {
		t.Fatalf("%s: body %q err %v", after, body, err)
	}
}

// Requests past their limit end with ErrTimeout, and the app keeps serving.
func (s *suite) requestTimeout(t *testing.T) {
	script := endlessScript(s.allStalls())
	for _, st := range s.allStalls() {
		t.Run(st.Mode, func(t *testing.T) {
			// Long enough that the quick request after it fits even on a
			// loaded machine, short enough to keep the suite fast.
			const limit = 500 * time.Millisecond
			app, logs, err := s.tryLoad(t, script, setup{timeout: limit, lim: limits{grace: s.h.Grace}})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = Serve(context.Background(), app, Query(st.Mode))
			elapsed := time.Since(start)
			if !errors.Is(err, engine.ErrTimeout) {
				t.Fatalf("err = %v, want ErrTimeout", err)
			}
			if elapsed < limit || elapsed > limit+s.h.Grace+time.Second {
				t.Errorf("took %v for a %v limit", elapsed, limit)
			}
			abandoned := strings.Contains(logs.String(), s.h.AbandonLog)
			if !st.MayAbandon && abandoned != st.Abandoned {
				t.Errorf("abandoned = %v, want %v; logs:\n%s", abandoned, st.Abandoned, logs)
			}
			if !strings.Contains(logs.String(), st.Log) {
				t.Errorf("logs lack %q:\n%s", st.Log, logs)
			}
			served(t, app, "next request")
		})
	}
}

// Cancelling a request's context stops whatever Python it runs, short of
// code the engine can only abandon.
func (s *suite) cancellation(t *testing.T) {
	app := s.load(t, endlessScript(s.allStalls()), setup{})
	for _, st := range s.allStalls() {
		if st.Abandoned || st.MayAbandon {
			continue
		}
		t.Run(st.Mode, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			_, err := Serve(ctx, app, Query(st.Mode))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			served(t, app, "next request")
		})
	}
}

// The limit covers iteration: a slow consumer still ends at the deadline,
// and close() still runs.
func (s *suite) timeoutCoversIteration(t *testing.T) {
	app := s.load(t, endlessScript(stalls), setup{timeout: 150 * time.Millisecond})
	res, err := app.Call(context.Background(), Query("generator"))
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
// not wait for the abandoned worker.
func (s *suite) closeAfterAbandonDoesNotBlock(t *testing.T) {
	app := s.load(t, endlessScript(stalls), setup{
		timeout: 100 * time.Millisecond,
		lim:     limits{grace: 50 * time.Millisecond},
	})
	res, err := app.Call(context.Background(), Query("quick"))
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

	_, err = Serve(context.Background(), app, Query("sleep"))
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
		t.Fatal("App.Close blocked on an abandoned worker")
	}
}

// Waiting for a free worker honours the caller's context.
func (s *suite) waitForWorkerHonoursCancellation(t *testing.T) {
	app := s.load(t, endlessScript(stalls), setup{})
	held, err := app.Call(context.Background(), Query("generator"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := app.Call(ctx, Query("quick")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	served(t, app, "after release")
}

func (s *suite) callAfterClose(t *testing.T) {
	app := s.load(t, endlessScript(stalls), setup{})
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Call(context.Background(), Query("quick")); !errors.Is(err, s.h.ErrAppClosed) {
		t.Fatalf("err = %v, want %v", err, s.h.ErrAppClosed)
	}
	if err := app.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// Python that outlives its abandoned request cannot reach the gateway.
func (s *suite) abandonedWorkerCannotReachGateway(t *testing.T) {
	app := s.load(t, `
import time

def application(environ, start_response):
    time.sleep(0.5)
    environ['wsgi.errors'].write("too late")
    start_response('200 OK', [])
    return [b"too late"]
`, setup{timeout: 100 * time.Millisecond, lim: limits{grace: 50 * time.Millisecond}})
	var x Exchange
	if _, err := Serve(context.Background(), app, x.Request(nil, "")); !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v", err)
	}
	time.Sleep(time.Second) // the sleep ends after 0.5 s
	if x.Calls() != 0 || x.Errors.String() != "" {
		t.Fatalf("abandoned code reached the gateway: %d start_response calls, errors %q", x.Calls(), x.Errors.String())
	}
}
