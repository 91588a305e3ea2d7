package tests

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// markerLine returns the 1-based line of apps/NAME holding "line-marker: tag".
func markerLine(t *testing.T, name, tag string) int {
	t.Helper()
	f, err := os.Open(app(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), "line-marker: "+tag) {
			return n
		}
	}
	t.Fatalf("no line-marker %q in %s", tag, name)
	return 0
}

// fileLineRE matches FILE:LINE or a Python traceback's `"FILE", line LINE`.
func fileLineRE(file string, line int) *regexp.Regexp {
	q := regexp.QuoteMeta(file)
	return regexp.MustCompile(fmt.Sprintf(`%s(:%d\b|", line %d\b)`, q, line, line))
}

// TestCloseCalledOnce: close() of the returned iterable runs exactly once
// when the response completes.
func TestCloseCalledOnce(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	log := queryPath(t, filepath.Join(t.TempDir(), "close.log"))
	s.expectOK("/?mode=close&log="+log, "chunk-0;chunk-1;chunk-2;")
	if !poll(logWaitTimeout, func() bool { return countLines(log, "close") >= 1 }) {
		t.Fatalf("close() was not called within %v of the response", logWaitTimeout)
	}
	// Another full request is the barrier: by its end, a second close()
	// for the first request would have happened.
	s.expectOK("/?mode=ok", "lifecycle-ok")
	if n := countLines(log, "close"); n != 1 {
		t.Errorf("close() called %d times, want 1", n)
	}
}

// TestCloseCalledOnClientDisconnect: the client goes away in the middle of
// a long stream; the server must stop iterating and call close() once.
func TestCloseCalledOnClientDisconnect(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	log := queryPath(t, filepath.Join(t.TempDir(), "close.log"))
	c := s.dial()
	c.send(rawGet(s, "/?mode=closestream&log="+log))
	_ = c.conn.SetReadDeadline(time.Now().Add(ioTimeout))
	if _, err := io.ReadFull(c.br, make([]byte, 64<<10)); err != nil {
		t.Fatalf("reading the start of the stream: %v", err)
	}
	c.conn.Close()
	if !poll(10*time.Second, func() bool { return countLines(log, "close") >= 1 }) {
		t.Fatalf("close() not called within 10s of the client disconnecting")
	}
	s.expectOK("/?mode=ok", "lifecycle-ok")
	if n := countLines(log, "close"); n != 1 {
		t.Errorf("close() called %d times, want 1", n)
	}
}

// TestExceptionBeforeFirstByte: 500 with a short generic body, the
// traceback with FILE and line in the log, and the server still serving.
func TestExceptionBeforeFirstByte(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	status, _, body := s.get("/?mode=error_before")
	if status != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", status)
	}
	for _, leak := range []string{"Traceback", "lifecycle-error-before", "lifecycle.py", "RuntimeError"} {
		if strings.Contains(string(body), leak) {
			t.Errorf("500 body leaks %q: %q", leak, clip(body))
		}
	}
	if len(body) > 512 {
		t.Errorf("500 body is %d bytes, want a short generic message", len(body))
	}
	line := markerLine(t, "lifecycle.py", "error-before")
	if log, ok := s.waitLog(fileLineRE(app("lifecycle.py"), line), logWaitTimeout); !ok {
		t.Errorf("log has no %s:%d for the exception; log:\n%s", app("lifecycle.py"), line, harness.Tail(log, 4000))
	}
	if _, ok := s.waitLogString("lifecycle-error-before", logWaitTimeout); !ok {
		t.Errorf("log does not carry the exception message")
	}
	s.expectOK("/?mode=ok", "lifecycle-ok")
}

// TestExceptionAfterFirstByte: the response is cut, never ended cleanly,
// whether it was chunked or had a Content-Length; the connection closes.
func TestExceptionAfterFirstByte(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	cases := []struct {
		mode    string
		chunked bool
	}{
		{"error_after", true},
		{"error_after_cl", false},
	}
	for _, tc := range cases {
		t.Run(tc.mode, func(t *testing.T) {
			c := s.dial()
			c.send(rawGet(s, "/?mode="+tc.mode))
			r := c.read(http.MethodGet)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want the 200 already sent", r.StatusCode)
			}
			if chunked := len(r.TransferEncoding) == 1; chunked != tc.chunked {
				t.Errorf("chunked = %v, want %v", chunked, tc.chunked)
			}
			if !errors.Is(r.bodyErr, io.ErrUnexpectedEOF) {
				t.Errorf("body ended with %v, want a truncated body on a closed connection (unexpected EOF)", r.bodyErr)
			}
			if string(r.body) != "partial-body;" {
				t.Errorf("body = %q, want %q", clip(r.body), "partial-body;")
			}
		})
	}
	line := markerLine(t, "lifecycle.py", "error-after")
	if log, ok := s.waitLog(fileLineRE(app("lifecycle.py"), line), logWaitTimeout); !ok {
		t.Errorf("log has no %s:%d for the exception; log:\n%s", app("lifecycle.py"), line, harness.Tail(log, 4000))
	}
	s.expectOK("/?mode=ok", "lifecycle-ok")
}

// TestRequestTimeout: an endless loop is stopped by WSGIRequestTimeout
// with a 504, and the interpreter it held comes back: with two threads,
// three timed-out requests in a row still leave the app serving.
func TestRequestTimeout(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t,
		"WSGIRequestTimeout 1",
		"WSGIThreads 2",
		"WSGIScriptAlias / "+app("lifecycle.py"),
	)
	s := startServer(t, "--config", cfg)
	for i := 0; i < 3; i++ {
		start := time.Now()
		status, _, body := s.get("/?mode=spin")
		elapsed := time.Since(start)
		if status != http.StatusGatewayTimeout {
			t.Errorf("spin %d: status = %d %q, want 504", i, status, clip(body))
		}
		if elapsed > 5*time.Second {
			t.Errorf("spin %d: answered after %v, want within a few seconds of the 1s limit", i, elapsed)
		}
	}
	s.expectOK("/?mode=ok", "lifecycle-ok")
}

// TestRequestTimeoutWithoutCalls: `while True: pass` makes no call the
// engine could interrupt; its interpreter is abandoned and replaced, so the
// request still ends in a 504 near the limit and the app keeps serving.
func TestRequestTimeoutWithoutCalls(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t,
		"WSGIRequestTimeout 1",
		"WSGIThreads 1",
		"WSGIScriptAlias / "+app("lifecycle.py"),
	)
	s := startServer(t, "--config", cfg)
	start := time.Now()
	status, _, body := s.get("/?mode=busy")
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("busy loop answered after %v, want within a few seconds of the 1s limit", elapsed)
	}
	if status != http.StatusGatewayTimeout {
		t.Errorf("busy loop: status = %d %q, want 504", status, clip(body))
	}
	// With one thread, this is served only if the stuck context was replaced.
	s.expectOK("/?mode=ok", "lifecycle-ok")
	if _, ok := s.waitLogString("abandon", logWaitTimeout); !ok {
		t.Errorf("no log line says the stuck interpreter was abandoned")
	}
}

// TestDeepRecursion: recursing 100000 deep must end in a 500, not a crash.
func TestDeepRecursion(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	for i := 0; i < 2; i++ {
		status, _, body := s.get("/?mode=recurse")
		if status != http.StatusInternalServerError {
			t.Errorf("attempt %d: status = %d %q, want 500", i, status, clip(body))
		}
		if s.exited() {
			t.Fatalf("server died: %v", s.state)
		}
	}
	s.expectOK("/?mode=ok", "lifecycle-ok")
}
