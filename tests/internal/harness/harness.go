// Package harness holds the small pieces every end-to-end suite needs
// around the servers it starts: a free port, a process's output, the end
// of a long log.
package harness

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// FreePort returns a loopback TCP port nobody listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("finding a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// LogBuffer collects a process's output; it is safe to read while the
// process writes. The engines' tests use the same sink.
type LogBuffer = enginetest.LogBuffer

// Tail is the last n bytes of s, marked as cut when it is.
func Tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// ExamplePage is one page of examples/ and what its answer must contain.
type ExamplePage struct{ Method, Path, Body, Want string }

// ExamplePages are the pages the example configurations serve (`make run`,
// `make run-nginx`, `make run-apache`); each suite checks them through its
// host, so that the shipped configurations keep working.
var ExamplePages = []ExamplePage{
	{"GET", "/hello", "", "Hello, world!"},
	{"GET", "/counter", "", "/counter: request number 1 in this interpreter context"},
	{"GET", "/environ/some/path?a=1", "", "PATH_INFO"},
	{"GET", "/stream?n=3", "", "chunk 1 of 3\nchunk 2 of 3\nchunk 3 of 3\n"},
	{"POST", "/echo", "hi there", "hi there"},
	{"GET", "/static/index.html", "", "gowsgi examples"},
}

// CopyTree copies the directory src to dst, readable by everyone (servers'
// children may run as another user), leaving out __pycache__.
func CopyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && d.Name() == "__pycache__":
			return filepath.SkipDir
		case d.IsDir():
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			return os.Chmod(target, 0o755)
		}
		return CopyFile(path, target, 0o644)
	})
}

// CopyFile copies the file src to dst with the given mode.
func CopyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chmod(dst, mode)
}

// ErrExited is WaitAccepting's answer when the process ended first.
var ErrExited = errors.New("the process exited before accepting connections")

// WaitAccepting dials addr until it accepts a connection, done closes (the
// server process ended: ErrExited) or timeout passes.
func WaitAccepting(addr string, done <-chan struct{}, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		select {
		case <-done:
			return ErrExited
		default:
		}
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nothing accepts on %s after %v: %w", addr, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop ends a server process whose exit closes done: SIGTERM, then SIGKILL
// if it has not exited within timeout. It reports whether SIGTERM sufficed.
func Stop(p *os.Process, done <-chan struct{}, timeout time.Duration) bool {
	return StopWith(p, syscall.SIGTERM, done, timeout)
}

// StopWith is Stop with the server's own stop signal (Apache's
// graceful-stop is SIGWINCH, for one).
func StopWith(p *os.Process, sig os.Signal, done <-chan struct{}, timeout time.Duration) bool {
	select {
	case <-done:
		return true
	default:
	}
	_ = p.Signal(sig)
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		_ = p.Kill()
		<-done
		return false
	}
}

// Make runs a module's Makefile.inc rules in repo into build; they install
// the Debian packages they need when run as root.
func Make(repo, makefile, build string, targets ...string) error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = "/usr/local/go/bin/go"
	}
	cmd := exec.Command("make", append([]string{"-f", makefile, "BUILD=" + build, "GO=" + goBin}, targets...)...)
	cmd.Dir = repo
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %v with %s: %w", targets, makefile, err)
	}
	return nil
}
