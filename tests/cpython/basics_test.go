//go:build cpython

package cpython

import (
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestVersionListsTheEngine(t *testing.T) {
	out, err := exec.Command(gowsgiBin, "version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "cpython") {
		t.Fatalf("gowsgi version = %q (%v), want it to list cpython", out, err)
	}
}

func TestHello(t *testing.T) {
	s := startServer(t, nil, app("hello.py"))
	r := s.get("/")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "Hello from CPython 3.") {
		t.Fatalf("GET / = %d %q", r.status, r.body)
	}
	if !s.waitOutput("CPython started", time.Second) {
		t.Error("the log does not say CPython started")
	}
}

// An exception is a 500 whose log line points at the raising line; the
// app keeps serving.
func TestExceptionIsLoggedWithItsPlace(t *testing.T) {
	s := startServer(t, nil, app("lifecycle.py"))
	if r := s.get("/?raise"); r.status != http.StatusInternalServerError {
		t.Fatalf("GET /?raise = %d %q, want 500", r.status, r.body)
	}
	for _, want := range []string{app("lifecycle.py") + ":6", "LookupError: no such thing", "Traceback (most recent call last)"} {
		if !s.waitOutput(want, 5*time.Second) {
			t.Errorf("log lacks %q", want)
		}
	}
	if r := s.get("/"); r.status != http.StatusOK || r.body != "lifecycle-ok" {
		t.Fatalf("after the error: %d %q", r.status, r.body)
	}
}

// WSGIRequestTimeout answers 504 whether Python runs bytecode (interrupted
// in its thread) or is blocked in C (answered after a grace period, the
// thread left to finish), and the app keeps serving.
func TestRequestTimeout(t *testing.T) {
	cfg := writeConfig(t,
		"WSGIRequestTimeout 1",
		"WSGIThreads 2",
		"WSGIScriptAlias / "+app("lifecycle.py"),
	)
	s := startServer(t, nil, "--config", cfg)
	for _, mode := range []string{"spin", "sleep", "spin"} {
		start := time.Now()
		r := s.get("/?" + mode)
		elapsed := time.Since(start)
		if r.status != http.StatusGatewayTimeout {
			t.Errorf("%s: status = %d %q, want 504", mode, r.status, r.body)
		}
		if elapsed < time.Second || elapsed > 3*time.Second {
			t.Errorf("%s: answered after %v for a 1s limit", mode, elapsed)
		}
	}
	if r := s.get("/"); r.status != http.StatusOK || r.body != "lifecycle-ok" {
		t.Fatalf("after the timeouts: %d %q", r.status, r.body)
	}
}
