package server

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// fakeHandler plays the dispatcher's role without Python.
type fakeHandler struct {
	serve  func(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome
	calls  atomic.Int32
	closed chan struct{}
}

func newFake(serve func(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome) *fakeHandler {
	return &fakeHandler{serve: serve, closed: make(chan struct{})}
}

func (f *fakeHandler) Serve(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
	f.calls.Add(1)
	return f.serve(ctx, req, w)
}

func (f *fakeHandler) Close(context.Context) error {
	close(f.closed)
	return nil
}

func (f *fakeHandler) isClosed() bool {
	select {
	case <-f.closed:
		return true
	default:
		return false
	}
}

// respond answers every request with status and body.
func respond(status int, body string, headers ...engine.Header) func(context.Context, *wsgi.Request, wsgi.ResponseWriter) wsgi.Outcome {
	return func(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		if err := w.WriteHeader(status, "", headers); err != nil {
			return wsgi.Outcome{Err: err}
		}
		n, err := w.Write([]byte(body))
		return wsgi.Outcome{Status: status, Bytes: int64(n), Err: err, Abort: err != nil}
	}
}

// builderOf hands out the given handlers in turn, one per build.
func builderOf(handlers ...Handler) Builder {
	var mu sync.Mutex
	return func(*config.Config, hclog.Logger) (Handler, error) {
		mu.Lock()
		defer mu.Unlock()
		h := handlers[0]
		handlers = handlers[1:]
		return h, nil
	}
}

func testLogger(out *enginetest.LogBuffer) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{Name: "test", Level: hclog.Debug, Output: out})
}

// newTestServer builds a Server over one fake handler.
func newTestServer(t *testing.T, cfg *config.Config, opts Options, h Handler) *Server {
	t.Helper()
	if cfg == nil {
		cfg = &config.Config{}
	}
	opts.Build = builderOf(h)
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	s, err := New(cfg, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}
