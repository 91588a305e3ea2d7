// Package tests drives the gowsgi binary end to end: it builds
// ./cmd/gowsgi once, starts real servers on loopback ports and talks to
// them over HTTP, often with raw connections so that the bytes on the wire
// can be asserted.
package tests

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/testbin"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

var (
	// gowsgiBin is the absolute path of the binary under test.
	gowsgiBin string
	// appsDir is the absolute path of tests/apps, the WSGI scripts.
	appsDir string
)

// Time limits shared by the suite.
const (
	startTimeout    = 15 * time.Second // process start until it accepts
	stopTimeout     = 10 * time.Second // SIGTERM until exit
	ioTimeout       = 15 * time.Second // one request/response exchange
	pollInterval    = 20 * time.Millisecond
	logWaitTimeout  = 5 * time.Second
	maxLogDumpBytes = 16 << 10
)

// TestMain builds the binary (or takes GOWSGI_BIN when set) before running
// the tests, so each test starts processes without compiling anything.
func TestMain(m *testing.M) {
	os.Exit(testbin.Main(m, &gowsgiBin, &appsDir, "gowsgi-e2e-"))
}

// app returns the absolute path of a script under tests/apps.
func app(name string) string {
	return filepath.Join(appsDir, name)
}

// server is one running gowsgi process.
type server struct {
	t      *testing.T
	addr   string // host:port it serves on
	port   int
	cmd    *exec.Cmd
	stderr *harness.LogBuffer
	stdout *harness.LogBuffer
	done   chan struct{} // closed once the process has exited
	state  *os.ProcessState
	client *http.Client
}

// spawn starts argv (argv[0] is the program) with extra environment
// variables, capturing its output. The process is stopped by the test's
// cleanup if it is still running then.
func spawn(t *testing.T, addr string, env []string, argv ...string) *server {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	s := &server{
		t:      t,
		addr:   addr,
		cmd:    cmd,
		stderr: &harness.LogBuffer{},
		stdout: &harness.LogBuffer{},
		done:   make(chan struct{}),
	}
	if _, p, err := net.SplitHostPort(addr); err == nil {
		s.port, _ = strconv.Atoi(p)
	}
	cmd.Stderr = s.stderr
	cmd.Stdout = s.stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %v: %v", argv, err)
	}
	go func() {
		_ = cmd.Wait()
		s.state = cmd.ProcessState
		close(s.done)
	}()
	transport := &http.Transport{
		DisableCompression:  true,
		MaxIdleConnsPerHost: 4,
	}
	s.client = &http.Client{Transport: transport, Timeout: ioTimeout}
	t.Cleanup(func() {
		transport.CloseIdleConnections()
		if !harness.Stop(s.cmd.Process, s.done, stopTimeout) {
			t.Errorf("gowsgi (pid %d) did not exit within %v of SIGTERM; killed", s.pid(), stopTimeout)
		}
		if t.Failed() {
			t.Logf("gowsgi stderr (tail):\n%s", harness.Tail(s.stderr.String(), maxLogDumpBytes))
			if out := s.stdout.String(); out != "" {
				t.Logf("gowsgi stdout (tail):\n%s", harness.Tail(out, maxLogDumpBytes))
			}
		}
	})
	return s
}

func (s *server) pid() int { return s.cmd.Process.Pid }

func (s *server) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// waitAccepting waits until the server accepts connections.
func (s *server) waitAccepting(timeout time.Duration) error {
	err := harness.WaitAccepting(s.addr, s.done, timeout)
	if errors.Is(err, harness.ErrExited) {
		return fmt.Errorf("gowsgi exited (%v) before accepting connections", s.state)
	}
	return err
}

// startServer runs `gowsgi serve --listen 127.0.0.1:PORT args...` and
// returns once it accepts connections.
func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	return startServerEnv(t, nil, args...)
}

// startServerEnv is startServer with extra environment variables. A port
// taken between choosing and binding it is retried with another one.
func startServerEnv(t *testing.T, env []string, args ...string) *server {
	t.Helper()
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		addr := fmt.Sprintf("127.0.0.1:%d", harness.FreePort(t))
		argv := append([]string{gowsgiBin, "serve", "--listen", addr}, args...)
		s := spawn(t, addr, env, argv...)
		err := s.waitAccepting(startTimeout)
		if err == nil {
			return s
		}
		lastErr = fmt.Errorf("%v\nstderr:\n%s", err, harness.Tail(s.stderr.String(), maxLogDumpBytes))
		if !strings.Contains(s.stderr.String(), "address already in use") {
			break
		}
	}
	t.Fatalf("starting gowsgi: %v", lastErr)
	return nil
}

// signal sends sig to the server process.
func (s *server) signal(sig syscall.Signal) {
	s.t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		s.t.Fatalf("sending %v to gowsgi: %v", sig, err)
	}
}

// waitExit waits for the process to end and returns its exit code.
func (s *server) waitExit(timeout time.Duration) (int, error) {
	select {
	case <-s.done:
		return s.state.ExitCode(), nil
	case <-time.After(timeout):
		return -1, fmt.Errorf("gowsgi still running after %v", timeout)
	}
}

// url returns the http:// URL of path on the server.
func (s *server) url(path string) string {
	return "http://" + s.addr + path
}

// get sends a GET through net/http and returns status, headers and body.
func (s *server) get(path string) (int, http.Header, []byte) {
	s.t.Helper()
	return s.do(http.MethodGet, path, nil, nil)
}

// do sends one request through net/http.
func (s *server) do(method, path string, body io.Reader, header http.Header) (int, http.Header, []byte) {
	s.t.Helper()
	req, err := http.NewRequest(method, s.url(path), body)
	if err != nil {
		s.t.Fatalf("building %s %s: %v", method, path, err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatalf("%s %s: reading body: %v (got %d bytes: %q)", method, path, err, len(data), clip(data))
	}
	return resp.StatusCode, resp.Header, data
}

// expectOK asserts that GET path answers 200 with exactly want.
func (s *server) expectOK(path, want string) {
	s.t.Helper()
	status, _, body := s.get(path)
	if status != http.StatusOK || string(body) != want {
		s.t.Fatalf("GET %s = %d %q, want 200 %q", path, status, clip(body), want)
	}
}

// waitLog polls the server's stderr until re matches, and returns the
// whole log when it does.
func (s *server) waitLog(re *regexp.Regexp, timeout time.Duration) (string, bool) {
	var log string
	ok := poll(timeout, func() bool {
		log = s.stderr.String()
		return re.MatchString(log)
	})
	return log, ok
}

// waitLogString is waitLog for a literal string.
func (s *server) waitLogString(sub string, timeout time.Duration) (string, bool) {
	return s.waitLog(regexp.MustCompile(regexp.QuoteMeta(sub)), timeout)
}

// vmHWM returns the process's peak resident set size in bytes.
func (s *server) vmHWM() int64 {
	s.t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid()))
	if err != nil {
		s.t.Fatalf("reading /proc status: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fields := strings.Fields(rest)
			kb, err := strconv.ParseInt(fields[0], 10, 64)
			if err != nil || len(fields) != 2 || fields[1] != "kB" {
				s.t.Fatalf("unexpected VmHWM line %q", line)
			}
			return kb << 10
		}
	}
	s.t.Fatalf("no VmHWM in /proc/%d/status", s.pid())
	return 0
}

// poll calls cond every pollInterval until it returns true or timeout
// passes; it reports whether cond succeeded.
func poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(pollInterval)
	}
}

// clip shortens data for failure messages.
func clip(data []byte) string {
	const n = 600
	if len(data) <= n {
		return string(data)
	}
	return string(data[:n]) + fmt.Sprintf("…(%d bytes)", len(data))
}

// writeFile writes content to dir/name and returns the path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeConfig writes an Apache-style config file into a fresh temp dir.
func writeConfig(t *testing.T, lines ...string) string {
	t.Helper()
	return writeFile(t, t.TempDir(), "gowsgi.conf", strings.Join(lines, "\n")+"\n")
}

var safePath = regexp.MustCompile(`^[A-Za-z0-9_./-]+$`)

// queryPath checks that a path can travel in a query string as is: the
// test apps do not percent-decode.
func queryPath(t *testing.T, path string) string {
	t.Helper()
	if !safePath.MatchString(path) {
		t.Fatalf("path %q has characters the test apps cannot take from a query string", path)
	}
	return path
}

// countLines returns how many lines of the file at path equal line; a
// missing file counts zero.
func countLines(path, line string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		if l == line {
			n++
		}
	}
	return n
}

// rawConn is a client connection that reads responses with net/http's
// parser but writes requests byte for byte.
type rawConn struct {
	t    *testing.T
	conn net.Conn
	br   *bufio.Reader
}

// dialErr opens a plain connection to the server; the caller closes it.
func (s *server) dialErr() (net.Conn, error) {
	return net.DialTimeout("tcp", s.addr, ioTimeout)
}

func (s *server) dial() *rawConn {
	s.t.Helper()
	c, err := net.DialTimeout("tcp", s.addr, ioTimeout)
	if err != nil {
		s.t.Fatalf("dialing %s: %v", s.addr, err)
	}
	s.t.Cleanup(func() { c.Close() })
	return &rawConn{t: s.t, conn: c, br: bufio.NewReader(c)}
}

// send writes raw request bytes.
func (c *rawConn) send(raw string) {
	c.t.Helper()
	_ = c.conn.SetWriteDeadline(time.Now().Add(ioTimeout))
	if _, err := io.WriteString(c.conn, raw); err != nil {
		c.t.Fatalf("writing request: %v", err)
	}
}

// response is one parsed response; bodyErr is what reading the body
// ended with (nil for a complete body).
type response struct {
	*http.Response
	body    []byte
	bodyErr error
}

// read parses the next response to a request with the given method.
func (c *rawConn) read(method string) *response {
	c.t.Helper()
	_ = c.conn.SetReadDeadline(time.Now().Add(ioTimeout))
	resp, err := http.ReadResponse(c.br, &http.Request{Method: method})
	if err != nil {
		c.t.Fatalf("reading response: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return &response{Response: resp, body: body, bodyErr: err}
}

// readOK parses the next response and asserts a complete 200 with want.
func (c *rawConn) readOK(method, want string) *response {
	c.t.Helper()
	r := c.read(method)
	if r.StatusCode != http.StatusOK || r.bodyErr != nil || string(r.body) != want {
		c.t.Fatalf("response = %d %q (body error %v), want 200 %q", r.StatusCode, clip(r.body), r.bodyErr, want)
	}
	return r
}

// readAll reads raw bytes until the server closes the connection.
func (c *rawConn) readAll() []byte {
	c.t.Helper()
	_ = c.conn.SetReadDeadline(time.Now().Add(ioTimeout))
	data, err := io.ReadAll(c.br)
	if err != nil {
		c.t.Fatalf("reading until close: %v (got %q)", err, clip(data))
	}
	return data
}

// rawExchange sends one raw request (it should say Connection: close) and
// returns the whole raw response split into head and body.
func (s *server) rawExchange(raw string) (head string, body []byte) {
	s.t.Helper()
	c := s.dial()
	c.send(raw)
	data := c.readAll()
	i := bytes.Index(data, []byte("\r\n\r\n"))
	if i < 0 {
		s.t.Fatalf("no end of headers in response %q", clip(data))
	}
	return string(data[:i+2]), data[i+4:]
}

// statusOf returns the status code of a raw response head.
func statusOf(t *testing.T, head string) int {
	t.Helper()
	line, _, _ := strings.Cut(head, "\r\n")
	parts := strings.SplitN(line, " ", 3)
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "HTTP/1.") {
		t.Fatalf("bad status line %q", line)
	}
	code, err := strconv.Atoi(parts[1])
	if err != nil {
		t.Fatalf("bad status line %q", line)
	}
	return code
}

// headerLines returns the header lines of a raw head, status line excluded.
func headerLines(head string) []string {
	lines := strings.Split(strings.TrimRight(head, "\r\n"), "\r\n")
	return lines[1:]
}

// hasHeaderLine reports whether head has a header named name (any case).
func hasHeaderLine(head, name string) (string, bool) {
	for _, l := range headerLines(head) {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(k, name) {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// rawGet is the text of an HTTP/1.1 GET with a Host header and the extra
// header lines given, ready for rawConn.send.
func rawGet(s *server, path string, extra ...string) string {
	return rawRequest(s, "GET", path, "HTTP/1.1", extra...)
}

// rawRequest is the text of a request without a body: request line, Host
// header, the extra header lines, blank line.
func rawRequest(s *server, method, path, proto string, extra ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s\r\nHost: %s\r\n", method, path, proto, s.addr)
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	return b.String()
}
