//go:build cgo && cpython

package cpython

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// bodyInput is an engine.Input over a fixed body.
type bodyInput struct {
	body []byte
	pos  int
	err  error // returned by every call when set
}

func (b *bodyInput) rest() []byte { return b.body[b.pos:] }

func (b *bodyInput) Read(n int) ([]byte, error) {
	if b.err != nil {
		return nil, b.err
	}
	rest := b.rest()
	if n < 0 || n > len(rest) {
		n = len(rest)
	}
	b.pos += n
	return bytes.Clone(rest[:n]), nil
}

func (b *bodyInput) ReadLine(limit int) ([]byte, error) {
	if b.err != nil {
		return nil, b.err
	}
	rest := b.rest()
	n := len(rest)
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		n = i + 1
	}
	if limit >= 0 && n > limit {
		n = limit
	}
	b.pos += n
	return append([]byte{}, rest[:n]...), nil
}

func (b *bodyInput) ReadLines(hint int) ([][]byte, error) {
	var lines [][]byte
	total := 0
	for {
		line, err := b.ReadLine(-1)
		if err != nil || len(line) == 0 {
			return lines, err
		}
		lines = append(lines, line)
		if total += len(line); hint > 0 && total >= hint {
			return lines, nil
		}
	}
}

func (b *bodyInput) GetValue() ([]byte, error) {
	if b.err != nil {
		return nil, b.err
	}
	return append([]byte{}, b.rest()...), nil
}

// errorLog is an engine.Errors that records what was written.
type errorLog struct {
	mu      sync.Mutex
	text    strings.Builder
	flushes int
}

func (e *errorLog) Write(s string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.text.WriteString(s)
}

func (e *errorLog) Flush() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.flushes++
}

func (e *errorLog) String() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.text.String()
}

func (e *errorLog) flushCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.flushes
}

// exchange records what the app did with one request.
type exchange struct {
	mu       sync.Mutex
	status   string
	headers  []engine.Header
	calls    int
	written  bytes.Buffer
	errs     errorLog
	startErr func(call int, excInfo bool) error // what StartResponse returns
}

func (x *exchange) request(environ map[string]string, body string) *engine.Request {
	if environ == nil {
		environ = map[string]string{}
	}
	return &engine.Request{
		Environ:   environ,
		URLScheme: "http",
		Input:     &bodyInput{body: []byte(body)},
		Errors:    &x.errs,
		StartResponse: func(status string, headers []engine.Header, excInfo bool) error {
			x.mu.Lock()
			defer x.mu.Unlock()
			x.calls++
			if x.startErr != nil {
				if err := x.startErr(x.calls, excInfo); err != nil {
					return err
				}
			}
			x.status, x.headers = status, headers
			return nil
		},
		Write: func(p []byte) error {
			x.mu.Lock()
			defer x.mu.Unlock()
			x.written.Write(p)
			return nil
		},
	}
}

func (x *exchange) startCalls() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.calls
}

// writeFile creates dir/name holding src and returns its path.
func writeFile(t testing.TB, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testEngine makes an engine whose log goes to the returned buffer.
func testEngine(t *testing.T) (*cpythonEngine, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	e, err := New(hclog.New(&hclog.LoggerOptions{Output: logs, Level: hclog.Debug}))
	if err != nil {
		t.Fatal(err)
	}
	return e.(*cpythonEngine), logs
}

// adjustment changes a test's spec or engine settings before Load.
type adjustment func(*engine.Spec, *settings)

// load writes src as a script in a fresh directory and loads it.
func load(t *testing.T, src string, adjust ...adjustment) engine.App {
	t.Helper()
	app, _, err := loadLogged(t, src, adjust...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return app
}

// loadLogged is load that returns the engine's log and Load's error.
func loadLogged(t *testing.T, src string, adjust ...adjustment) (engine.App, *syncBuffer, error) {
	t.Helper()
	e, logs := testEngine(t)
	spec := engine.Spec{Script: writeFile(t, t.TempDir(), "app.wsgi", src), Callable: "application", Threads: 1}
	for _, f := range adjust {
		f(&spec, &e.settings)
	}
	app, err := e.Load(spec)
	if err == nil {
		t.Cleanup(func() { app.Close() })
	}
	return app, logs, err
}

func withCallable(name string) adjustment {
	return func(s *engine.Spec, _ *settings) { s.Callable = name }
}

// serve runs one request to the end: Call, every Next, Close.
func serve(ctx context.Context, app engine.App, req *engine.Request) (string, error) {
	res, err := app.Call(ctx, req)
	if err != nil {
		return "", err
	}
	var body bytes.Buffer
	var iterErr error
	for {
		chunk, err := res.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			iterErr = err
			break
		}
		body.Write(chunk)
	}
	return body.String(), errors.Join(iterErr, res.Close())
}

// scriptError asserts err is an *engine.ScriptError and returns it.
func scriptError(t *testing.T, err error) *engine.ScriptError {
	t.Helper()
	var se *engine.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("want *engine.ScriptError, got %T: %v", err, err)
	}
	return se
}
