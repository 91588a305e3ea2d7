package wsgi

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// Every line a request causes names it: what the app writes to wsgi.errors
// and what the gateway logs about its failure.
func TestServeLogLinesNameTheRequest(t *testing.T) {
	var out bytes.Buffer
	log := hclog.New(&hclog.LoggerOptions{Output: &out, Level: hclog.Info})
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		req.Errors.Write("first line\nsecond ")
		req.Errors.Write("line\n")
		return nil, &engine.ScriptError{File: "app.py", Line: 7, Message: "ValueError: boom"}
	}}
	w := &recorder{}
	req := &Request{ID: "req-42", Method: "GET", Path: "/", ContentLength: -1}
	Serve(context.Background(), app, req, "", "/", w, Options{Log: log})
	if w.code != 500 {
		t.Fatalf("status %d, want 500", w.code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{"message=\"first line\"", "message=\"second line\"", "at=app.py:7"}
	if len(lines) != len(want) {
		t.Fatalf("%d log lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, line := range lines {
		if !strings.Contains(line, "request_id=req-42") || !strings.Contains(line, want[i]) {
			t.Errorf("line %d = %q, want request_id=req-42 and %s", i, line, want[i])
		}
	}
}

// A request that logs nothing never derives its logger.
func TestRequestLogIsMadeOnFirstUse(t *testing.T) {
	base := &countingLogger{Logger: hclog.NewNullLogger()}
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		return chunks("ok"), req.StartResponse("200 OK", nil, false)
	}}
	Serve(context.Background(), app, &Request{ID: "1", Method: "GET", ContentLength: -1}, "", "/", &recorder{}, Options{Log: base})
	if base.derived != 0 {
		t.Errorf("a quiet request derived %d loggers, want 0", base.derived)
	}
	l := newRequestLog(base, "2")
	l.get()
	l.get()
	if base.derived != 1 {
		t.Errorf("two uses derived %d loggers, want 1", base.derived)
	}
}

type countingLogger struct {
	hclog.Logger
	derived int
}

func (c *countingLogger) With(args ...any) hclog.Logger {
	c.derived++
	return c.Logger.With(args...)
}
