package wsgi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"

	"github.com/gowsgi/gowsgi/core/engine"
)

// fakeApp plays an app in Go: run gets the engine request and returns the
// chunks to iterate (or an error raised by the "callable").
type fakeApp struct {
	run      func(req *engine.Request) ([][]byte, error)
	nextErr  error // raised after the chunks, mid-iteration
	closed   int
	returned bool // Call returned a result, which must be closed
	got      *engine.Request
}

func (a *fakeApp) Call(ctx context.Context, req *engine.Request) (engine.Result, error) {
	a.got = req
	chunks, err := a.run(req)
	if err != nil {
		return nil, err
	}
	a.returned = true
	return &fakeResult{app: a, chunks: chunks, ctx: ctx}, nil
}

func (a *fakeApp) Close() error { return nil }

type fakeResult struct {
	app    *fakeApp
	chunks [][]byte
	ctx    context.Context
}

func (r *fakeResult) Next() ([]byte, error) {
	if err := r.ctx.Err(); err != nil {
		return nil, err
	}
	if len(r.chunks) == 0 {
		if r.app.nextErr != nil {
			return nil, r.app.nextErr
		}
		return nil, io.EOF
	}
	c := r.chunks[0]
	r.chunks = r.chunks[1:]
	return c, nil
}

func (r *fakeResult) Close() error {
	r.app.closed++
	return nil
}

// recorder is a ResponseWriter that keeps what reached "the wire".
type recorder struct {
	code     int
	reason   string
	headers  []engine.Header
	body     bytes.Buffer
	writes   int
	flushes  int
	failFrom int // Write fails from this call on (0: never)
}

func (w *recorder) WriteHeader(code int, reason string, headers []engine.Header) error {
	if w.code != 0 {
		return errors.New("WriteHeader called twice")
	}
	w.code, w.reason, w.headers = code, reason, headers
	return nil
}

func (w *recorder) Write(p []byte) (int, error) {
	w.writes++
	if w.failFrom > 0 && w.writes >= w.failFrom {
		return 0, errors.New("broken pipe")
	}
	return w.body.Write(p)
}

func (w *recorder) Flush() error { w.flushes++; return nil }

func (w *recorder) header(name string) string {
	for _, h := range w.headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}
