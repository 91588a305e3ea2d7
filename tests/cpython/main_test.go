//go:build cpython

// Package cpython drives `gowsgi serve --engine cpython` end to end with
// real frameworks (Flask, Django) and wsgiref's PEP 3333 validator. It is
// built only with the build tag "cpython": go test -tags cpython ./tests/cpython/
package cpython

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/testbin"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

const (
	startTimeout = 30 * time.Second // Django's first import is slow
	stopTimeout  = 10 * time.Second
	ioTimeout    = 15 * time.Second
)

var (
	// gowsgiBin is the binary under test: GOWSGI_BIN, or built by TestMain
	// with the cpython engine.
	gowsgiBin string
	// appsDir holds the test applications.
	appsDir string
)

// TestMain builds the binary with the cpython engine (or takes GOWSGI_BIN
// when set) before running the tests.
func TestMain(m *testing.M) {
	os.Exit(testbin.Main(m, &gowsgiBin, &appsDir, "gowsgi-cpython-e2e-", "cpython"))
}

// app is the absolute path of a test application.
func app(name string) string { return filepath.Join(appsDir, name) }

// needPython skips the test when a Python module is missing, naming the
// Debian package that brings it.
func needPython(t *testing.T, module, pkg string) {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "import "+module).Run(); err != nil {
		t.Skipf("Python module %s is missing: apt-get install %s (scripts/cpython.mk installs it)", module, pkg)
	}
}

// server is one running `gowsgi serve`.
type server struct {
	t      *testing.T
	addr   string
	cmd    *exec.Cmd
	output *harness.LogBuffer // stdout and stderr: gowsgi's log and Python's stderr
	done   chan struct{}
	client *http.Client
}

// startServer runs `gowsgi serve --listen 127.0.0.1:PORT --engine cpython
// args...` with extra environment variables and waits until it accepts.
func startServer(t *testing.T, env []string, args ...string) *server {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", harness.FreePort(t))
	argv := append([]string{"serve", "--listen", addr, "--engine", "cpython"}, args...)
	s := &server{t: t, addr: addr, output: &harness.LogBuffer{}, done: make(chan struct{})}
	s.cmd = exec.Command(gowsgiBin, argv...)
	// No __pycache__ in the source tree from the apps' imports.
	s.cmd.Env = append(append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1"), env...)
	s.cmd.Stdout, s.cmd.Stderr = s.output, s.output
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting gowsgi: %v", err)
	}
	go func() {
		_ = s.cmd.Wait()
		close(s.done)
	}()
	transport := &http.Transport{DisableCompression: true}
	s.client = &http.Client{
		Transport: transport,
		Timeout:   ioTimeout,
		// Redirects are asserted, not followed.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	t.Cleanup(func() {
		transport.CloseIdleConnections()
		s.stop()
		if t.Failed() {
			t.Logf("gowsgi output:\n%s", harness.Tail(s.output.String(), 16<<10))
		}
	})
	if err := s.waitAccepting(); err != nil {
		t.Fatalf("%v\noutput:\n%s", err, harness.Tail(s.output.String(), 16<<10))
	}
	return s
}

func (s *server) stop() {
	if !harness.Stop(s.cmd.Process, s.done, stopTimeout) {
		s.t.Errorf("gowsgi did not exit within %v of SIGTERM; killed", stopTimeout)
	}
}

func (s *server) waitAccepting() error {
	return harness.WaitAccepting(s.addr, s.done, startTimeout)
}

// response is what one request got back.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request; header values are set as given.
func (s *server) do(method, path string, body io.Reader, header map[string]string) response {
	s.t.Helper()
	req, err := http.NewRequest(method, "http://"+s.addr+path, body)
	if err != nil {
		s.t.Fatalf("building %s %s: %v", method, path, err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatalf("%s %s: reading the body: %v", method, path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(data)}
}

func (s *server) get(path string) response {
	s.t.Helper()
	return s.do(http.MethodGet, path, nil, nil)
}

// waitOutput polls the server's output until it contains sub.
func (s *server) waitOutput(sub string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for !strings.Contains(s.output.String(), sub) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// writeConfig writes an Apache-style configuration into a temp dir.
func writeConfig(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gowsgi.conf")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
