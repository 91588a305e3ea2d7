package nginx

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestHelloWorld(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location / {
            wsgi_script_alias / {{apps}}/hello.py;
        }
    }`)
	r := get(t, s.url("/"))
	wantStatus(t, r, http.StatusOK)
	if string(r.body) != "Hello from gowsgi under nginx\n" {
		t.Errorf("body %q", r.body)
	}
	// When the whole response is in the core before its headers leave,
	// the module frames it with a length. Whether it is depends on when
	// the worker wakes: the gateway flushes after each chunk of a list.
	if got := r.header.Get("Content-Length"); got != "" && got != strconv.Itoa(len(r.body)) {
		t.Errorf("Content-Length %q, want %d", got, len(r.body))
	}
	if got := r.header.Get("Content-Type"); got != "text/plain" {
		t.Errorf("Content-Type %q", got)
	}
}

// environ asks the environ app over a raw connection, so the client's own
// port is known, and returns the app's KEY=VALUE lines.
func environ(t *testing.T, s *server, target, host string) (map[string]string, int) {
	t.Helper()
	c, err := net.DialTimeout("tcp", s.addr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nX-Gowsgi-Test: yes\r\nConnection: close\r\n\r\n", target, host)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer res.Body.Close()
	var body strings.Builder
	sc := bufio.NewScanner(res.Body)
	env := map[string]string{}
	for sc.Scan() {
		body.WriteString(sc.Text() + "\n")
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			env[k] = v
		}
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", target, res.StatusCode, body.String())
	}
	return env, c.LocalAddr().(*net.TCPAddr).Port
}

func TestEnvironAsNginxSeesIt(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location /env {
            wsgi_script_alias /env {{apps}}/environ.py;
        }
        location /old {
            rewrite ^/old(.*)$ /env$1 last;
        }
    }`)
	env, clientPort := environ(t, s, "/env/a%20b/c?x=1&y=2", "example.test:8123")
	want := map[string]string{
		"REQUEST_METHOD":     "GET",
		"SCRIPT_NAME":        "/env",
		"PATH_INFO":          "/a b/c",
		"QUERY_STRING":       "x=1&y=2",
		"SERVER_NAME":        "example.test",
		"SERVER_PORT":        strconv.Itoa(s.port),
		"SERVER_PROTOCOL":    "HTTP/1.1",
		"REMOTE_ADDR":        "127.0.0.1",
		"REMOTE_PORT":        strconv.Itoa(clientPort),
		"HTTP_HOST":          "example.test:8123",
		"HTTP_X_GOWSGI_TEST": "yes",
		"REQUEST_URI":        "/env/a%20b/c?x=1&y=2",
		"wsgi.url_scheme":    "http",
		"wsgi.multiprocess":  "True",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
	if _, ok := env["HTTPS"]; ok {
		t.Errorf("HTTPS is set on a plain connection")
	}

	// After a rewrite the location's URI is what the app is mounted on.
	env, _ = environ(t, s, "/old/p%3Fq", "example.test")
	if env["SCRIPT_NAME"] != "/env" || env["PATH_INFO"] != "/p?q" {
		t.Errorf("after a rewrite: SCRIPT_NAME %q, PATH_INFO %q; want /env and /p?q", env["SCRIPT_NAME"], env["PATH_INFO"])
	}
	// The mount's root itself has an empty PATH_INFO.
	env, _ = environ(t, s, "/env", "example.test")
	if env["SCRIPT_NAME"] != "/env" || env["PATH_INFO"] != "" {
		t.Errorf("the mount's root: SCRIPT_NAME %q, PATH_INFO %q", env["SCRIPT_NAME"], env["PATH_INFO"])
	}
}

// nginx's auth_basic user reaches the app as REMOTE_USER; the credentials
// themselves only with wsgi_pass_authorization on.
func TestAuthBasicUser(t *testing.T) {
	users := filepath.Join(t.TempDir(), "users")
	if err := os.WriteFile(users, []byte("alice:{PLAIN}wonderland\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        auth_basic "test";
        auth_basic_user_file `+users+`;
        location /env {
            wsgi_script_alias /env {{apps}}/environ.py;
        }
        location /pass {
            wsgi_pass_authorization on;
            wsgi_script_alias /pass {{apps}}/environ.py;
        }
    }`)
	for path, passed := range map[string]bool{"/env": false, "/pass": true} {
		req, err := http.NewRequest(http.MethodGet, s.url(path), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth("alice", "wonderland")
		r := do(t, req)
		wantStatus(t, r, http.StatusOK)
		body := string(r.body)
		if !strings.Contains(body, "REMOTE_USER=alice\n") || !strings.Contains(body, "AUTH_TYPE=Basic\n") {
			t.Errorf("%s: no REMOTE_USER/AUTH_TYPE:\n%s", path, body)
		}
		if got := strings.Contains(body, "HTTP_AUTHORIZATION=Basic "); got != passed {
			t.Errorf("%s: HTTP_AUTHORIZATION passed = %v, want %v", path, got, passed)
		}
	}
	wantStatus(t, get(t, s.url("/env")), http.StatusUnauthorized)
}
