package apache

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// Time limits of the suite.
const (
	startTimeout = 20 * time.Second // Apache start until it accepts
	stopTimeout  = 20 * time.Second // graceful-stop until the parent exits
	// GracefulShutdownTimeout: children still busy then are stopped hard
	gracefulTimeout = 10 * time.Second
	pollInterval    = 20 * time.Millisecond
)

// site describes one server: its MPM and the configuration after the
// common part. In body, {{apps}}, {{data}}, {{dir}}, {{port}} and
// {{tlsport}} stand for the test applications, a directory the children
// may write, the server root, and the ports.
type site struct {
	mpm     string // "event" (default), "worker" or "prefork"
	body    string
	tls     bool   // also listen with TLS on {{tlsport}}
	modules string // extra LoadModule lines
}

// server is one Apache parent with its children.
type server struct {
	t       *testing.T
	mpm     string
	dir     string // ServerRoot: httpd.conf, logs/, run/
	data    string // writable by the children
	conf    string
	port    int
	tlsPort int
	cmd     *exec.Cmd
	out     *bytes.Buffer
	done    chan struct{} // closed when the parent has exited
	err     error
}

// newDir makes a directory the children can read (mode) and removes it
// when the test ends.
func newDir(t *testing.T, mode os.FileMode) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "gowsgi-apache-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, mode); err != nil {
		t.Fatal(err)
	}
	return dir
}

// prepare makes the server's directories and writes httpd.conf; the data
// directory exists before the configuration is checked, so tests can put
// scripts there first.
func prepare(t *testing.T, st site, data string) *server {
	t.Helper()
	s := &server{t: t, mpm: st.mpm, dir: newDir(t, 0o755), data: data, port: harness.FreePort(t)}
	if s.mpm == "" {
		s.mpm = "event"
	}
	if s.data == "" {
		s.data = newDir(t, 0o777)
	}
	for _, sub := range []string{"logs", "run", "htdocs"} {
		if err := os.MkdirAll(filepath.Join(s.dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if st.tls {
		s.tlsPort = harness.FreePort(t)
		writeCertificate(t, s.dir)
	}
	s.conf = filepath.Join(s.dir, "httpd.conf")
	if err := os.WriteFile(s.conf, []byte(s.config(st)), 0o644); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *server) replacer() *strings.Replacer {
	return strings.NewReplacer("{{apps}}", env.apps, "{{data}}", s.data,
		"{{dir}}", s.dir, "{{port}}", strconv.Itoa(s.port),
		"{{tlsport}}", strconv.Itoa(s.tlsPort))
}

func (s *server) config(st site) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ServerRoot %s\nDefaultRuntimeDir %s/run\nPidFile %s/run/httpd.pid\n", s.dir, s.dir, s.dir)
	b.WriteString("ServerName localhost\n")
	fmt.Fprintf(&b, "Listen 127.0.0.1:%d\n", s.port)
	if env.user != "" {
		fmt.Fprintf(&b, "User %s\nGroup %s\n", env.user, env.group)
	}
	for _, m := range []string{"mpm_" + s.mpm, "authz_core", "authn_core", "auth_basic", "authn_file",
		"authz_user", "alias", "env", "mime"} {
		fmt.Fprintf(&b, "LoadModule %s_module %s/mod_%s.so\n", m, env.modules, m)
	}
	if st.tls {
		fmt.Fprintf(&b, "LoadModule socache_shmcb_module %s/mod_socache_shmcb.so\n", env.modules)
		fmt.Fprintf(&b, "LoadModule ssl_module %s/mod_ssl.so\n", env.modules)
	}
	b.WriteString(st.modules)
	fmt.Fprintf(&b, "LoadModule gowsgi_module %s\n", env.module)
	fmt.Fprintf(&b, `ErrorLog %s/logs/error.log
LogLevel info
DocumentRoot %s/htdocs
TypesConfig /etc/mime.types
Timeout 30
GracefulShutdownTimeout %d
KeepAlive On
MaxKeepAliveRequests 1000
KeepAliveTimeout 5
<IfModule !mpm_prefork_module>
    StartServers 2
    ServerLimit 16
    ThreadsPerChild 16
    MaxRequestWorkers 64
    MinSpareThreads 16
    MaxSpareThreads 64
</IfModule>
<IfModule mpm_prefork_module>
    StartServers 4
    MinSpareServers 2
    MaxSpareServers 8
    ServerLimit 32
    MaxRequestWorkers 32
</IfModule>
<Directory />
    Require all denied
    AllowOverride None
</Directory>
<Directory %s/htdocs>
    Require all granted
</Directory>
<Directory %s>
    Require all granted
</Directory>
<Directory %s>
    Require all granted
</Directory>
`, s.dir, s.dir, int(gracefulTimeout.Seconds()), s.dir, env.apps, s.data)
	if st.tls {
		fmt.Fprintf(&b, `Listen 127.0.0.1:%d
SSLSessionCache shmcb:%s/run/ssl_scache(512000)
<VirtualHost 127.0.0.1:%d>
    SSLEngine on
    SSLCertificateFile %s/cert.pem
    SSLCertificateKeyFile %s/key.pem
    WSGIScriptAlias /env %s/environ.py
</VirtualHost>
`, s.tlsPort, s.dir, s.tlsPort, s.dir, s.dir, env.apps)
	}
	b.WriteString(s.replacer().Replace(st.body))
	return b.String()
}

// startServer writes the configuration of st and starts Apache in the
// foreground; it is stopped, and its error log checked, when the test ends.
func startServer(t *testing.T, st site) *server {
	t.Helper()
	return startPrepared(t, prepare(t, st, ""))
}

func startPrepared(t *testing.T, s *server) *server {
	t.Helper()
	s.done = make(chan struct{})
	s.out = &bytes.Buffer{}
	s.cmd = exec.Command(env.httpd, "-d", s.dir, "-f", s.conf, "-DFOREGROUND")
	// Should the test binary die, Apache goes too. Its own process group:
	// a prefork parent signals its whole group when it stops.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setpgid: true}
	s.cmd.Stdout = s.out
	s.cmd.Stderr = s.out
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting apache: %v", err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(s.stop)
	switch err := harness.WaitAccepting(s.addr(), s.done, startTimeout); {
	case errors.Is(err, harness.ErrExited):
		t.Fatalf("apache exited at start (%v): %s\n%s", s.err, s.out.String(), s.errorLog())
	case err != nil:
		t.Fatalf("apache did not accept on %s within %v\n%s", s.addr(), startTimeout, s.errorLog())
	}
	s.waitCores(1)
	return s
}

func (s *server) addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

func (s *server) url(path string) string { return "http://" + s.addr() + path }

func (s *server) errorLog() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "logs", "error.log"))
	return string(b)
}

// waitCores waits until n children have started the core and loaded
// their applications, so the first requests do not time their loading.
func (s *server) waitCores(n int) {
	s.t.Helper()
	deadline := time.Now().Add(startTimeout)
	for strings.Count(s.errorLog(), "core started") < n {
		if time.Now().After(deadline) {
			s.t.Fatalf("no child started the core within %v\n%s", startTimeout, s.errorLog())
		}
		time.Sleep(pollInterval)
	}
}

// graceful is `apachectl graceful`: the configuration is checked and the
// parent told to replace its children once they are done.
func (s *server) graceful() {
	s.t.Helper()
	out, err := exec.Command(env.httpd, "-d", s.dir, "-f", s.conf, "-k", "graceful").CombinedOutput()
	if err != nil {
		s.t.Fatalf("apache2 -k graceful: %v\n%s", err, out)
	}
}

// problems are error log lines that mean a crash or a broken core,
// whatever the test did.
var problems = regexp.MustCompile(`(?m)^.*(exit signal|Segmentation fault|\bpanic\b|fatal error|\[gowsgi:alert\]|\[gowsgi:crit\]|\[gowsgi:emerg\]|internal error).*$`)

// stop ends Apache and fails the test if the error log shows a crash.
// A threaded MPM's server is stopped the way Debian's apache2.service
// does, with graceful-stop (SIGWINCH): mpm_event's hard stop closes the
// sockets of busy workers from the child's main thread
// (close_worker_sockets()) while a worker may be freeing that very
// connection, which crashes the child now and then (about one stop in a
// hundred here, inside apr_os_sock_get()). A prefork child keeps a
// keep-alive connection to itself until it times out, so prefork gets
// SIGTERM. TestStopUnderLoad tests the hard stop on purpose.
func (s *server) stop() {
	if os.Getenv("GOWSGI_APACHE_SHOWLOG") != "" {
		s.t.Log(s.errorLog())
	}
	sig := syscall.SIGWINCH
	if s.mpm == "prefork" {
		sig = syscall.SIGTERM
	}
	if !harness.StopWith(s.cmd.Process, sig, s.done, stopTimeout) {
		s.t.Errorf("apache did not stop within %v of %v", stopTimeout, sig)
	}
	if bad := problems.FindAllString(s.errorLog(), -1); len(bad) > 0 {
		s.t.Errorf("the error log shows problems:\n%s", strings.Join(bad, "\n"))
	}
}

// configtest runs `apache2 -t` on a server whose configuration is st.
func configtest(t *testing.T, st site) (string, error) {
	t.Helper()
	s := prepare(t, st, "")
	out, err := exec.Command(env.httpd, "-t", "-d", s.dir, "-f", s.conf).CombinedOutput()
	return string(out), err
}

// lineOf is the line of httpd.conf that holds text, for messages that
// must name it.
func lineOf(t *testing.T, conf, text string) int {
	t.Helper()
	for i, line := range strings.Split(conf, "\n") {
		if strings.Contains(line, text) {
			return i + 1
		}
	}
	t.Fatalf("%q is not in the configuration", text)
	return 0
}
