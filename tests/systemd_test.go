package tests

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

const socketActivate = "/usr/bin/systemd-socket-activate"

// TestSocketActivation: systemd-socket-activate binds the port and execs
// gowsgi with LISTEN_FDS; gowsgi must serve on the inherited socket.
func TestSocketActivation(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(socketActivate); err != nil {
		t.Skipf("%s is not installed (make installs it): %v", socketActivate, err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", harness.FreePort(t))
	s := spawn(t, addr, nil,
		socketActivate, "-l", addr,
		"--setenv=GOWSGI_TEST_MARKER=socket-activated",
		gowsgiBin, "serve", "/="+app("hello.py")+":marker",
	)
	// The socket exists before gowsgi does: the first connection makes
	// systemd-socket-activate exec it, so the request is the readiness probe.
	if err := s.waitAccepting(startTimeout); err != nil {
		t.Fatal(err)
	}
	s.expectOK("/", "marker=socket-activated")
	s.signal(syscall.SIGTERM)
	code, err := s.waitExit(stopTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

// notifySocket is the receiving end of NOTIFY_SOCKET.
type notifySocket struct {
	t    *testing.T
	path string
	conn *net.UnixConn
}

func newNotifySocket(t *testing.T) *notifySocket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatalf("creating the notify socket: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return &notifySocket{t: t, path: path, conn: conn}
}

// expect reads datagrams until one has the line want; it returns the lines
// of every datagram read before it, for ordering checks.
func (n *notifySocket) expect(want string, timeout time.Duration) []string {
	n.t.Helper()
	deadline := time.Now().Add(timeout)
	var seen []string
	buf := make([]byte, 4096)
	for {
		_ = n.conn.SetReadDeadline(deadline)
		k, err := n.conn.Read(buf)
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				n.t.Fatalf("no %s within %v; received %q", want, timeout, seen)
			}
			n.t.Fatalf("reading the notify socket: %v", err)
		}
		lines := strings.Split(strings.TrimSpace(string(buf[:k])), "\n")
		for _, l := range lines {
			if l == want {
				return seen
			}
		}
		seen = append(seen, lines...)
	}
}

// TestSdNotifyLifecycle: READY=1 once listening, RELOADING=1 then READY=1
// around SIGHUP, STOPPING=1 on SIGTERM.
func TestSdNotifyLifecycle(t *testing.T) {
	t.Parallel()
	ns := newNotifySocket(t)
	addr := fmt.Sprintf("127.0.0.1:%d", harness.FreePort(t))
	cfg := writeConfig(t, "WSGIScriptAlias / "+app("hello.py"))
	s := spawn(t, addr, []string{"NOTIFY_SOCKET=" + ns.path},
		gowsgiBin, "serve", "--listen", addr, "--config", cfg)

	ns.expect("READY=1", startTimeout)
	// READY=1 promises the socket is listening: no retry here.
	if status, body := oneShot(s, "/"); status != http.StatusOK {
		t.Fatalf("request right after READY=1: %d %q", status, body)
	}

	s.signal(syscall.SIGHUP)
	ns.expect("RELOADING=1", logWaitTimeout)
	ns.expect("READY=1", logWaitTimeout)
	s.expectOK("/", "name=root;script_name=;path_info=/")

	s.signal(syscall.SIGTERM)
	ns.expect("STOPPING=1", logWaitTimeout)
	code, err := s.waitExit(stopTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0", code)
	}
}

// TestSdNotifyWatchdog: with WATCHDOG_USEC=200000 the server pings
// WATCHDOG=1, more than once per interval.
func TestSdNotifyWatchdog(t *testing.T) {
	t.Parallel()
	ns := newNotifySocket(t)
	s := startServerEnv(t, []string{"NOTIFY_SOCKET=" + ns.path, "WATCHDOG_USEC=200000"}, app("hello.py"))
	ns.expect("WATCHDOG=1", 2*time.Second)
	start := time.Now()
	for i := 0; i < 3; i++ {
		ns.expect("WATCHDOG=1", time.Second)
	}
	// Three more pings need at least two intervals of the pinger; at half
	// of the 200ms watchdog that is 200ms, and it must not be slower than
	// the watchdog itself.
	if elapsed := time.Since(start); elapsed > 3*200*time.Millisecond {
		t.Errorf("3 watchdog pings took %v, want under %v", elapsed, 3*200*time.Millisecond)
	}
	s.expectOK("/", "name=root;script_name=;path_info=/")
}
