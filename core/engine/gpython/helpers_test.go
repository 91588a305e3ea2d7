package gpython

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

// fakeInput is an engine.Input over a fixed body.
type fakeInput struct {
	body []byte
	pos  int
	err  error // returned by every call when set
}

func (f *fakeInput) rest() []byte { return f.body[f.pos:] }

func (f *fakeInput) Read(n int) ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	rest := f.rest()
	if n < 0 || n > len(rest) {
		n = len(rest)
	}
	f.pos += n
	return append([]byte{}, rest[:n]...), nil
}

func (f *fakeInput) ReadLine(limit int) ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	rest := f.rest()
	n := len(rest)
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		n = i + 1
	}
	if limit >= 0 && n > limit {
		n = limit
	}
	f.pos += n
	return append([]byte{}, rest[:n]...), nil
}

func (f *fakeInput) ReadLines(hint int) ([][]byte, error) {
	var lines [][]byte
	total := 0
	for {
		line, err := f.ReadLine(-1)
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			return lines, nil
		}
		lines = append(lines, line)
		total += len(line)
		if hint > 0 && total >= hint {
			return lines, nil
		}
	}
}

func (f *fakeInput) GetValue() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	return append([]byte{}, f.rest()...), nil
}

// fakeErrors is an engine.Errors that records what was written.
type fakeErrors struct {
	mu      sync.Mutex
	text    strings.Builder
	flushes int
}

func (f *fakeErrors) Write(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.text.WriteString(s)
}

func (f *fakeErrors) Flush() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.flushes++
}

func (f *fakeErrors) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.text.String()
}

// exchange records what the app did with one request.
type exchange struct {
	status   string
	headers  []engine.Header
	calls    int
	excInfo  []bool
	written  bytes.Buffer
	errs     fakeErrors
	startErr func(call int, excInfo bool) error // what StartResponse returns
}

func (x *exchange) request(environ map[string]string, body string) *engine.Request {
	if environ == nil {
		environ = map[string]string{}
	}
	return &engine.Request{
		Environ:   environ,
		URLScheme: "http",
		Input:     &fakeInput{body: []byte(body)},
		Errors:    &x.errs,
		StartResponse: func(status string, headers []engine.Header, excInfo bool) error {
			x.calls++
			x.excInfo = append(x.excInfo, excInfo)
			if x.startErr != nil {
				if err := x.startErr(x.calls, excInfo); err != nil {
					return err
				}
			}
			x.status, x.headers = status, headers
			return nil
		},
		Write: func(p []byte) error {
			x.written.Write(p)
			return nil
		},
	}
}

// writeFile creates dir/name with src.
func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := writeScript(path, src); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeScript(path, src string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(src), 0o644)
}

// testEngine makes an engine whose log goes to the returned buffer.
func testEngine(t *testing.T) (*gpythonEngine, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	log := hclog.New(&hclog.LoggerOptions{Output: logs, Level: hclog.Debug})
	e, err := New(log)
	if err != nil {
		t.Fatal(err)
	}
	return e.(*gpythonEngine), logs
}

// load writes src as a script and loads it; spec fields may be adjusted.
func load(t *testing.T, src string, adjust ...func(*engine.Spec, *settings)) engine.App {
	t.Helper()
	app, err := tryLoad(t, src, adjust...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return app
}

func tryLoad(t *testing.T, src string, adjust ...func(*engine.Spec, *settings)) (engine.App, error) {
	t.Helper()
	app, _, err := loadLogged(t, src, adjust...)
	return app, err
}

// loadLogged is tryLoad that also returns the engine's log output.
func loadLogged(t *testing.T, src string, adjust ...func(*engine.Spec, *settings)) (engine.App, *syncBuffer, error) {
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
	closeErr := res.Close()
	return body.String(), errors.Join(iterErr, closeErr)
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

// scriptError asserts err is an *engine.ScriptError and returns it.
func scriptError(t *testing.T, err error) *engine.ScriptError {
	t.Helper()
	var se *engine.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("want *engine.ScriptError, got %T: %v", err, err)
	}
	return se
}
