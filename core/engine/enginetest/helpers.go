package enginetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// WriteFile creates dir/name holding src, and the directories on the way,
// and returns its path.
func WriteFile(t testing.TB, dir, name, src string) string {
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

// LogBuffer is a goroutine-safe log sink.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Logger returns a debug-level logger writing into the returned buffer,
// for cases that look at what an engine logged.
func Logger() (hclog.Logger, *LogBuffer) {
	logs := &LogBuffer{}
	return hclog.New(&hclog.LoggerOptions{Output: logs, Level: hclog.Debug}), logs
}

// Load writes src as app.wsgi in a fresh directory and loads it on e, with
// the callable "application" and one thread unless adjust (when not nil)
// changes the spec. The app is closed when the test ends.
func Load(t testing.TB, e engine.Engine, src string, adjust func(*engine.Spec)) (engine.App, error) {
	t.Helper()
	spec := engine.Spec{Script: WriteFile(t, t.TempDir(), "app.wsgi", src), Callable: "application", Threads: 1}
	if adjust != nil {
		adjust(&spec)
	}
	app, err := e.Load(spec)
	if err == nil {
		t.Cleanup(func() { app.Close() })
	}
	return app, err
}

// Serve runs one request to the end, as a gateway does: Call, then Drain.
func Serve(ctx context.Context, app engine.App, req *engine.Request) (string, error) {
	res, err := app.Call(ctx, req)
	if err != nil {
		return "", err
	}
	return Drain(res)
}

// Drain calls Next until io.EOF or an error, then Close, and returns the
// body and every error.
func Drain(res engine.Result) (string, error) {
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

// ScriptError asserts err is an *engine.ScriptError and returns it.
func ScriptError(t testing.TB, err error) *engine.ScriptError {
	t.Helper()
	var se *engine.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("want *engine.ScriptError, got %T: %v", err, err)
	}
	return se
}

// Concurrently calls request(client, i) for i from 0 to perClient-1 on each
// of clients goroutines at once, and reports every error it returns.
func Concurrently(t testing.TB, clients, perClient int, request func(client, i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, clients*perClient)
	for c := range clients {
		wg.Go(func() {
			for i := range perClient {
				if err := request(c, i); err != nil {
					errs <- fmt.Errorf("client %d, request %d: %w", c, i, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
