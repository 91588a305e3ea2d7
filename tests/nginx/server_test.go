package nginx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// Time limits of the suite.
const (
	startTimeout = 15 * time.Second // nginx start until it accepts
	stopTimeout  = 15 * time.Second // a signal until the master exits
	pollInterval = 20 * time.Millisecond
)

// server is one nginx master with its workers, under a prefix of its own.
type server struct {
	t    *testing.T
	dir  string // prefix: nginx.conf, logs/, temp dirs
	port int
	cmd  *exec.Cmd
	done chan struct{} // closed when the master has exited
	err  error         // the master's exit, once done is closed
}

// config fills the template of a test's http{} block: {{port}}, {{apps}}
// and {{dir}} stand for the port, tests/nginx/apps and the prefix.
func config(dir string, port int, httpBlock string) string {
	user := ""
	if os.Geteuid() == 0 {
		// Workers would run as nobody, who cannot read the test's
		// private temporary directory.
		user = "user root;"
	}
	r := strings.NewReplacer("{{port}}", strconv.Itoa(port), "{{apps}}", paths.apps, "{{dir}}", dir)
	return fmt.Sprintf(`load_module %s;
%s
worker_processes 2;
master_process on;
daemon off;
error_log %s/logs/error.log info;
pid %s/nginx.pid;

events {
    worker_connections 1024;
}

http {
    access_log off;
    client_body_temp_path %s/temp/body;
    proxy_temp_path %s/temp/proxy;
    fastcgi_temp_path %s/temp/fastcgi;
    uwsgi_temp_path %s/temp/uwsgi;
    scgi_temp_path %s/temp/scgi;

%s
}
`, paths.module, user, dir, dir, dir, dir, dir, dir, dir, r.Replace(httpBlock))
}

// newPrefix makes a prefix directory with its logs/ and temp/ and writes
// nginx.conf for httpBlock on a free port.
func newPrefix(t *testing.T, httpBlock string) (dir string, port int) {
	t.Helper()
	dir = t.TempDir()
	for _, sub := range []string{"logs", "temp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	port = harness.FreePort(t)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(config(dir, port, httpBlock)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, port
}

// startNginx starts nginx with httpBlock as its http{} content and stops it
// when the test ends. It fails the test if the error log then has alerts,
// crashes or emergencies.
func startNginx(t *testing.T, httpBlock string) *server {
	t.Helper()
	dir, port := newPrefix(t, httpBlock)
	s := &server{t: t, dir: dir, port: port, done: make(chan struct{})}
	s.cmd = exec.Command(paths.nginx, "-p", dir+"/", "-c", filepath.Join(dir, "nginx.conf"))
	// Should the test binary die (a timeout panic), nginx goes too.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	var stderr bytes.Buffer
	s.cmd.Stdout = &stderr
	s.cmd.Stderr = &stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(s.stop)
	switch err := harness.WaitAccepting(s.addr(), s.done, startTimeout); {
	case errors.Is(err, harness.ErrExited):
		t.Fatalf("nginx exited at start (%v): %s\n%s", s.err, stderr.String(), s.errorLog())
	case err != nil:
		t.Fatalf("nginx did not accept on %s within %v\n%s", s.addr(), startTimeout, s.errorLog())
	}
	s.waitWorkers(2)
	return s
}

func (s *server) addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

func (s *server) url(path string) string { return "http://" + s.addr() + path }

// stop ends nginx (fast shutdown) and checks its error log.
func (s *server) stop() {
	if !harness.Stop(s.cmd.Process, s.done, stopTimeout) {
		s.t.Errorf("nginx did not stop within %v of SIGTERM", stopTimeout)
	}
	if bad := badLogLines(s.errorLog()); bad != "" {
		s.t.Errorf("nginx's error log has problems:\n%s", bad)
	}
	if s.t.Failed() {
		s.t.Logf("error log:\n%s", harness.Tail(s.errorLog(), 8000))
	}
}

// badLogLines are the lines no run may produce: crashes, alerts and
// emergencies.
var badLine = regexp.MustCompile(`\[(alert|emerg|crit)\]|exited on signal|core dumped`)

func badLogLines(log string) string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		if badLine.MatchString(l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func (s *server) errorLog() string {
	b, err := os.ReadFile(filepath.Join(s.dir, "logs", "error.log"))
	if err != nil {
		return fmt.Sprintf("(no error log: %v)", err)
	}
	return string(b)
}

// signal runs nginx -s NAME against this server's pid file.
func (s *server) signal(name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, paths.nginx, "-p", s.dir+"/", "-c", filepath.Join(s.dir, "nginx.conf"), "-s", name).CombinedOutput()
	if err != nil {
		s.t.Fatalf("nginx -s %s: %v\n%s", name, err, out)
	}
}

// masterPID is the master's process id.
func (s *server) masterPID() int { return s.cmd.Process.Pid }

// workers lists the master's live worker processes, sorted.
func (s *server) workers() []int {
	s.t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		s.t.Fatal(err)
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split
		// after its closing parenthesis.
		rest := string(stat[bytes.LastIndexByte(stat, ')')+1:])
		f := strings.Fields(rest)
		if len(f) < 2 || f[0] == "Z" {
			continue
		}
		if ppid, _ := strconv.Atoi(f[1]); ppid == s.masterPID() && isWorker(pid) {
			pids = append(pids, pid)
		}
	}
	sort.Ints(pids)
	return pids
}

// isWorker tells workers, shutting down or not, from the master's other
// children (cache helpers).
func isWorker(pid int) bool {
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return err == nil && bytes.Contains(cmdline, []byte("worker process"))
}

// waitWorkers waits until n workers run that are not shutting down.
func (s *server) waitWorkers(n int) []int {
	s.t.Helper()
	deadline := time.Now().Add(startTimeout)
	for {
		var live []int
		for _, pid := range s.workers() {
			cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
			if !bytes.Contains(cmdline, []byte("shutting down")) {
				live = append(live, pid)
			}
		}
		if len(live) == n {
			return live
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("want %d workers, have %v", n, live)
		}
		time.Sleep(pollInterval)
	}
}

// waitExit waits for the master to exit on its own.
func (s *server) waitExit(timeout time.Duration) error {
	select {
	case <-s.done:
		var ee *exec.ExitError
		if s.err != nil && !errors.As(s.err, &ee) {
			return s.err
		}
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("nginx still runs %v later", timeout)
	}
}

// waitFile waits until path holds want.
func waitFile(t *testing.T, path, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		b, _ := os.ReadFile(path)
		if strings.Contains(string(b), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s has %q, want %q within %v", path, b, want, timeout)
		}
		time.Sleep(pollInterval)
	}
}
