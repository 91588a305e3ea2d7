package tests

import (
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// versionScript is a WSGI script answering "version-N".
func versionScript(n int) string {
	return fmt.Sprintf(`# version %d of a script the reload test rewrites


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"version-%d"]
`, n, n)
}

// brokenScript has a syntax error on line brokenLine.
const (
	brokenScript = `# a script with a syntax error on line 4


def application(environ, start_response)
    start_response("200 OK", [])
    return [b"never"]
`
	brokenLine = 4
)

// rewrite replaces the script and moves its mtime forward by step, so the
// change is visible whatever the filesystem's timestamp granularity.
func rewrite(t *testing.T, path, content string, step time.Duration) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(step)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// scriptCheckWait bounds how long a changed script takes to be served:
// gowsgi looks at a script at most once a second (dispatch.DefaultScriptCheck).
const scriptCheckWait = 5 * time.Second

// awaitAnswer asks for path until it answers status with body want
// (any body when want is ""), and fails the test if that takes longer than
// scriptCheckWait.
func (s *server) awaitAnswer(path string, status int, want string) {
	s.t.Helper()
	var got int
	var body []byte
	if !poll(scriptCheckWait, func() bool {
		got, _, body = s.get(path)
		return got == status && (want == "" || string(body) == want)
	}) {
		s.t.Fatalf("GET %s = %d %q after %v, want %d %q", path, got, clip(body), scriptCheckWait, status, want)
	}
}

func TestScriptReloading(t *testing.T) {
	t.Parallel()
	path := writeFile(t, t.TempDir(), "reloaded.py", versionScript(1))
	s := startServer(t, "/="+path)
	s.expectOK("/", "version-1")

	rewrite(t, path, versionScript(2), 10*time.Second)
	s.awaitAnswer("/", http.StatusOK, "version-2")

	rewrite(t, path, brokenScript, 20*time.Second)
	s.awaitAnswer("/", http.StatusInternalServerError, "")
	if log, ok := s.waitLog(fileLineRE(path, brokenLine), logWaitTimeout); !ok {
		t.Errorf("log has no %s:%d for the syntax error; log:\n%s", path, brokenLine, harness.Tail(log, 4000))
	}
	// The broken version goes on answering 500; the one before it is not
	// served again.
	if status, _, body := s.get("/"); status != http.StatusInternalServerError {
		t.Errorf("broken script, asked again: status %d %q, want 500", status, clip(body))
	}

	rewrite(t, path, versionScript(3), 30*time.Second)
	s.awaitAnswer("/", http.StatusOK, "version-3")
}
