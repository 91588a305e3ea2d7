package tests

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// accessLineRE matches a log line naming the path and a 200 status.
func accessLineRE(path string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^.*` + regexp.QuoteMeta(path) + `.*\b200\b.*$`)
}

func TestAccessLogLine(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	s.expectOK("/log-me-please?mode=list", "hello world")
	if log, ok := s.waitLog(accessLineRE("/log-me-please"), logWaitTimeout); !ok {
		t.Errorf("no access log line with the path and status 200 on stderr; log:\n%s", harness.Tail(log, 4000))
	}
}

// TestLogFormatJSON: with --log-format json every stderr line is a JSON
// object, the access log line included.
func TestLogFormatJSON(t *testing.T) {
	t.Parallel()
	s := startServer(t, "--log-format", "json", app("response.py"))
	s.expectOK("/json-line?mode=list", "hello world")
	log, ok := s.waitLogString("/json-line", logWaitTimeout)
	if !ok {
		t.Fatalf("no log line for the request; log:\n%s", harness.Tail(log, 4000))
	}
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Errorf("stderr line is not a JSON object (%v): %q", err, line)
		}
	}
}

// TestLogFile: --log-file sends the log, access lines included, to a file.
func TestLogFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "gowsgi.log")
	s := startServer(t, "--log-file", path, app("response.py"))
	s.expectOK("/in-the-file?mode=list", "hello world")
	var data []byte
	if !poll(logWaitTimeout, func() bool {
		data, _ = os.ReadFile(path)
		return accessLineRE("/in-the-file").Match(data)
	}) {
		t.Errorf("no access log line in %s; file:\n%s\nstderr:\n%s", path, harness.Tail(string(data), 4000), harness.Tail(s.stderr.String(), 4000))
	}
}

// TestMaxBodySize: bodies over --max-body-size are refused with 413,
// declared or chunked; bodies within it reach the app.
func TestMaxBodySize(t *testing.T) {
	t.Parallel()
	s := startServer(t, "--max-body-size", "1024", app("input.py"))
	small := strings.Repeat("s", 1000)
	large := strings.Repeat("L", 2048)
	cases := []struct {
		name   string
		req    string
		status int
		body   string
	}{
		{"small declared", "Content-Length: 1000\r\n\r\n" + small, 200, "[" + small + "]"},
		{"large declared", "Content-Length: 2048\r\n\r\n" + large, 413, ""},
		{"small chunked", "Transfer-Encoding: chunked\r\n\r\n" + chunked(small, 500), 200, "[" + small + "]"},
		{"large chunked", "Transfer-Encoding: chunked\r\n\r\n" + chunked(large, 1000), 413, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := s.dial()
			c.send("POST /?op=readall HTTP/1.1\r\nHost: " + s.addr + "\r\nConnection: close\r\n" + tc.req)
			r := c.read(http.MethodPost)
			if r.StatusCode != tc.status {
				t.Errorf("status = %d %q, want %d", r.StatusCode, clip(r.body), tc.status)
			}
			if tc.status == http.StatusOK && string(r.body) != tc.body {
				t.Errorf("body = %q, want %q", clip(r.body), tc.body)
			}
		})
	}
}

// TestUnknownEngineFailsFast: serve must refuse an engine it does not have.
func TestUnknownEngineFailsFast(t *testing.T) {
	t.Parallel()
	addr := "127.0.0.1:" + strconv.Itoa(harness.FreePort(t))
	s := spawn(t, addr, nil, gowsgiBin, "serve", "--listen", addr, "--engine", "no-such-engine", app("hello.py"))
	code, err := s.waitExit(stopTimeout)
	if err != nil {
		t.Fatalf("serve with an unknown engine is still running after %v", stopTimeout)
	}
	if code == 0 {
		t.Errorf("exit code 0 with an unknown engine")
	}
	if !strings.Contains(s.stderr.String()+s.stdout.String(), "no-such-engine") {
		t.Errorf("the error does not name the engine; output:\n%s%s", s.stderr.String(), s.stdout.String())
	}
}
