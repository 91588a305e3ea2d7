package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// blocking answers "body" once release is closed, signalling started when
// a request arrives.
func blocking(started chan<- struct{}, release <-chan struct{}, body string) *fakeHandler {
	return newFake(func(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		started <- struct{}{}
		<-release
		return respond(http.StatusOK, body)(ctx, req, w)
	})
}

// serveLocal runs s on a loopback listener and returns its base URL.
func serveLocal(t *testing.T, s *Server) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve([]net.Listener{l}) }()
	t.Cleanup(func() {
		_ = s.Shutdown(context.Background())
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + l.Addr().String()
}

type result struct {
	body string
	err  error
}

func get(url string) result {
	resp, err := http.Get(url)
	if err != nil {
		return result{err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return result{body: string(b), err: err}
}

func waitClosed(t *testing.T, f *fakeHandler) {
	t.Helper()
	select {
	case <-f.closed:
	case <-time.After(5 * time.Second):
		t.Fatal("handler was never closed")
	}
}

func TestReloadSwapsAndDrainsPrevious(t *testing.T) {
	started, release := make(chan struct{}, 1), make(chan struct{})
	first := blocking(started, release, "first")
	second := newFake(respond(http.StatusOK, "second"))
	s, err := New(&config.Config{}, Options{Build: builderOf(first, second), Logger: hclog.NewNullLogger()})
	if err != nil {
		t.Fatal(err)
	}
	url := serveLocal(t, s)

	slow := make(chan result, 1)
	go func() { slow <- get(url + "/slow") }()
	<-started

	if err := s.Reload(&config.Config{}); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if r := get(url + "/fast"); r.err != nil || r.body != "second" {
		t.Fatalf("after reload got %+v, want the new configuration", r)
	}
	if first.isClosed() {
		t.Fatal("previous configuration closed while a request was still running on it")
	}
	close(release)
	if r := <-slow; r.err != nil || r.body != "first" {
		t.Fatalf("in-flight request got %+v, want its full response", r)
	}
	waitClosed(t, first)
	if second.isClosed() {
		t.Error("configuration in service was closed")
	}
}

func TestReloadFailureKeepsServing(t *testing.T) {
	current := newFake(respond(http.StatusOK, "current"))
	builds := 0
	build := func(*config.Config, hclog.Logger) (Handler, error) {
		builds++
		if builds > 1 {
			return nil, errors.New("/etc/gowsgi.conf:3: WSGIEngine: unknown engine \"x\"")
		}
		return current, nil
	}
	s, err := New(&config.Config{}, Options{Build: build})
	if err != nil {
		t.Fatal(err)
	}
	url := serveLocal(t, s)

	err = s.Reload(&config.Config{})
	if err == nil || err.Error() != "/etc/gowsgi.conf:3: WSGIEngine: unknown engine \"x\"" {
		t.Fatalf("Reload error = %v, want the build error unchanged", err)
	}
	if r := get(url + "/"); r.err != nil || r.body != "current" {
		t.Fatalf("after a failed reload got %+v, want the previous configuration", r)
	}
	if current.isClosed() {
		t.Error("previous configuration closed by a failed reload")
	}
}

func TestShutdownDrainsInFlightRequests(t *testing.T) {
	started, release := make(chan struct{}, 1), make(chan struct{})
	fake := blocking(started, release, "done")
	s := newTestServer(t, nil, Options{}, fake)
	url := serveLocal(t, s)

	slow := make(chan result, 1)
	go func() { slow <- get(url + "/slow") }()
	<-started

	stopped := make(chan error, 1)
	go func() { stopped <- s.Shutdown(context.Background()) }()
	select {
	case err := <-stopped:
		t.Fatalf("Shutdown returned (%v) while a request was in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if r := <-slow; r.err != nil || r.body != "done" {
		t.Fatalf("in-flight request got %+v, want its full response", r)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	waitClosed(t, fake)

	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("after shutdown status = %d, want 503", rec.Code)
	}
	if err := s.Reload(&config.Config{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Reload after shutdown = %v, want ErrClosed", err)
	}
}

func TestShutdownTimeoutCancelsRequests(t *testing.T) {
	started := make(chan struct{}, 1)
	cancelled := make(chan struct{})
	fake := newFake(func(ctx context.Context, _ *wsgi.Request, _ wsgi.ResponseWriter) wsgi.Outcome {
		started <- struct{}{}
		<-ctx.Done()
		close(cancelled)
		return wsgi.Outcome{Err: ctx.Err()}
	})
	s := newTestServer(t, nil, Options{}, fake)
	url := serveLocal(t, s)

	go get(url + "/forever")
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := s.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want the deadline error", err)
	}
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("the running request was never cancelled")
	}
	waitClosed(t, fake)
}

func TestServeWithoutListeners(t *testing.T) {
	s := newTestServer(t, nil, Options{}, newFake(respond(200, "")))
	if err := s.Serve(nil); err == nil {
		t.Error("Serve with no listeners succeeded")
	}
}
