package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
)

// notifySocket stands in for systemd: it receives what sd_notify sends.
func notifySocket(t *testing.T) *net.UnixConn {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	t.Setenv("NOTIFY_SOCKET", path)
	return conn
}

// nextMessage returns the next notification, or "" after wait.
func nextMessage(t *testing.T, conn *net.UnixConn, wait time.Duration) string {
	t.Helper()
	buf := make([]byte, 4096)
	if err := conn.SetReadDeadline(time.Now().Add(wait)); err != nil {
		t.Fatal(err)
	}
	n, err := conn.Read(buf)
	if err != nil {
		return ""
	}
	return string(buf[:n])
}

func TestSystemdNotifications(t *testing.T) {
	conn := notifySocket(t)
	t.Setenv("WATCHDOG_USEC", "")
	fails := false
	build := func(*config.Config, hclog.Logger) (Handler, error) {
		if fails {
			return nil, context.Canceled
		}
		return newFake(respond(http.StatusOK, "")), nil
	}
	s, err := New(&config.Config{}, Options{Build: build})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)

	steps := []struct {
		name   string
		action func()
		want   [][]string // each message's required lines, in order
	}{
		{
			name:   "ready once listening",
			action: func() { go func() { served <- s.Serve([]net.Listener{l}) }() },
			want:   [][]string{{"READY=1", "STATUS=serving on " + l.Addr().String()}},
		},
		{
			name:   "reload",
			action: func() { _ = s.Reload(&config.Config{}) },
			want:   [][]string{{"RELOADING=1", "MONOTONIC_USEC=", "STATUS=reloading"}, {"READY=1", "STATUS=configuration reloaded"}},
		},
		{
			name:   "failed reload is ready again on the old configuration",
			action: func() { fails = true; _ = s.Reload(&config.Config{}) },
			want:   [][]string{{"RELOADING=1"}, {"READY=1", "STATUS=reload failed"}},
		},
		{
			name: "config that fails to load is reported the same way",
			action: func() {
				_ = s.ReloadWith(func() (*config.Config, error) { return nil, errors.New("x.conf:1: broken") })
			},
			want: [][]string{{"RELOADING=1"}, {"READY=1", "STATUS=reload failed"}},
		},
		{
			name:   "stopping",
			action: func() { _ = s.Shutdown(context.Background()) },
			want:   [][]string{{"STOPPING=1", "STATUS=draining"}},
		},
	}
	for _, step := range steps {
		step.action()
		for _, lines := range step.want {
			msg := nextMessage(t, conn, 5*time.Second)
			for _, line := range lines {
				if !strings.Contains(msg, line) {
					t.Errorf("%s: message %q lacks %q", step.name, msg, line)
				}
			}
		}
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if msg := nextMessage(t, conn, 100*time.Millisecond); msg != "" {
		t.Errorf("unexpected message after shutdown: %q", msg)
	}
}

func TestSystemdWatchdog(t *testing.T) {
	conn := notifySocket(t)
	t.Setenv("WATCHDOG_USEC", "100000") // 100ms: pings every 50ms
	t.Setenv("WATCHDOG_PID", "")
	s := newTestServer(t, nil, Options{}, newFake(respond(http.StatusOK, "")))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve([]net.Listener{l}) }()

	pings := 0
	deadline := time.Now().Add(5 * time.Second)
	for pings < 4 && time.Now().Before(deadline) {
		if msg := nextMessage(t, conn, time.Second); msg == "WATCHDOG=1" {
			pings++
		}
	}
	if pings < 4 {
		t.Fatalf("got %d watchdog pings, want at least 4", pings)
	}
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	// Drain what was sent before Shutdown returned, then expect silence.
	for nextMessage(t, conn, 10*time.Millisecond) != "" {
	}
	if msg := nextMessage(t, conn, 200*time.Millisecond); msg != "" {
		t.Errorf("message after shutdown: %q", msg)
	}
}

func TestWatchdogDisabledWithoutInterval(t *testing.T) {
	tests := []struct {
		name, usec string
	}{
		{"unset", ""},
		{"invalid", "soon"},
		{"negative", "-5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := notifySocket(t)
			t.Setenv("WATCHDOG_USEC", tt.usec)
			stop := notifier{log: hclog.NewNullLogger()}.startWatchdog()
			defer stop()
			if msg := nextMessage(t, conn, 150*time.Millisecond); msg != "" {
				t.Errorf("got %q without a watchdog interval", msg)
			}
		})
	}
}
