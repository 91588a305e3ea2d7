package tests

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// oneShot sends GET path on a fresh connection that closes after it and
// returns status and body, or an error text when the exchange failed.
func oneShot(s *server, path string) (int, string) {
	c, err := s.dialErr()
	if err != nil {
		return 0, err.Error()
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(ioTimeout))
	if _, err := io.WriteString(c, rawGet(s, path, "Connection: close")); err != nil {
		return 0, err.Error()
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: http.MethodGet})
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err.Error()
	}
	return resp.StatusCode, string(body)
}

// TestSighupReloadsConfig: SIGHUP swaps in the edited config; a keep-alive
// connection opened before keeps working and then reaches the new app.
func TestSighupReloadsConfig(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t, "WSGIScriptAlias / "+app("hello.py")+" callable-object=app_a")
	s := startServer(t, "--config", cfg)
	c := s.dial()
	c.send(rawGet(s, "/x"))
	c.readOK(http.MethodGet, "name=a;script_name=;path_info=/x")

	edited := "WSGIScriptAlias / " + app("hello.py") + " callable-object=app_b\n"
	if err := os.WriteFile(cfg, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	s.signal(syscall.SIGHUP)
	var lastStatus int
	var lastBody string
	if !poll(10*time.Second, func() bool {
		lastStatus, lastBody = oneShot(s, "/y")
		return lastStatus == http.StatusOK && lastBody == "name=b;script_name=;path_info=/y"
	}) {
		t.Fatalf("new connections still not on the edited config 10s after SIGHUP; last answer %d %q", lastStatus, lastBody)
	}
	if s.exited() {
		t.Fatalf("server exited on SIGHUP: %v", s.state)
	}

	c.send(rawGet(s, "/z"))
	r := c.read(http.MethodGet)
	if r.StatusCode != http.StatusOK || r.bodyErr != nil || string(r.body) != "name=b;script_name=;path_info=/z" {
		t.Errorf("keep-alive connection opened before SIGHUP: %d %q (body error %v), want the new app's answer",
			r.StatusCode, clip(r.body), r.bodyErr)
	}
}

// TestSighupKeepsServingOnBrokenConfig: a config that fails to load on
// SIGHUP leaves the previous one in service.
func TestSighupKeepsServingOnBrokenConfig(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t, "WSGIScriptAlias / "+app("hello.py")+" callable-object=app_a")
	s := startServer(t, "--config", cfg)
	s.expectOK("/", "name=a;script_name=;path_info=/")
	if err := os.WriteFile(cfg, []byte("WSGIFrobnicate On\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.signal(syscall.SIGHUP)
	if log, ok := s.waitLogString(cfg+":1", logWaitTimeout); !ok {
		t.Errorf("no %s:1 error in the log after reloading a broken config; log:\n%s", cfg, harness.Tail(log, 4000))
	}
	if s.exited() {
		t.Fatalf("server exited on a broken reload: %v", s.state)
	}
	s.expectOK("/", "name=a;script_name=;path_info=/")
}

// TestSigtermDrainsInFlightRequest: SIGTERM during a slow request lets it
// finish, then the process exits 0.
func TestSigtermDrainsInFlightRequest(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("lifecycle.py"))
	marker := queryPath(t, filepath.Join(t.TempDir(), "started"))
	type result struct {
		status int
		body   string
	}
	done := make(chan result, 1)
	go func() {
		status, body := oneShot(s, "/?mode=slow&marker="+marker)
		done <- result{status, body}
	}()
	if !poll(10*time.Second, func() bool { return countLines(marker, "started") == 1 }) {
		t.Fatalf("the slow request never started")
	}
	s.signal(syscall.SIGTERM)
	select {
	case r := <-done:
		if r.status != http.StatusOK || r.body != "slow-done" {
			t.Errorf("in-flight request during SIGTERM: %d %q, want 200 %q", r.status, r.body, "slow-done")
		}
	case <-time.After(ioTimeout):
		t.Fatalf("in-flight request did not finish after SIGTERM")
	}
	code, err := s.waitExit(stopTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

func TestShutdownSignalsExitZero(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			s := startServer(t, app("hello.py"))
			s.expectOK("/", "name=root;script_name=;path_info=/")
			s.signal(sig)
			code, err := s.waitExit(stopTimeout)
			if err != nil {
				t.Fatal(err)
			}
			if code != 0 {
				t.Errorf("exit code after %v = %d, want 0", sig, code)
			}
		})
	}
}
