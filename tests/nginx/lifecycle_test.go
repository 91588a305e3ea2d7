package nginx

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const lifecycleConf = `
    server {
        listen 127.0.0.1:{{port}};
        location /life {
            wsgi_script_alias /life {{apps}}/lifecycle.py;
        }
        location /limited {
            wsgi_request_timeout 1s;
            wsgi_script_alias /limited {{apps}}/lifecycle.py;
        }
    }`

// A client that goes away mid-stream cancels the request: the app's
// iterable is closed (close() runs) and the worker carries on.
func TestClientGoneRunsClose(t *testing.T) {
	s := startNginx(t, lifecycleConf)
	marker := filepath.Join(t.TempDir(), "marker")
	c, err := net.DialTimeout("tcp", s.addr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = c.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(c, "GET /life?mode=drip&marker=%s HTTP/1.1\r\nHost: test\r\n\r\n", marker)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if _, err := io.ReadFull(res.Body, make([]byte, 30000)); err != nil {
		t.Fatalf("reading the start of the stream: %v", err)
	}
	c.Close()
	waitFile(t, marker, "closed", 10*time.Second)
	wantStatus(t, get(t, s.url("/life?mode=none")), http.StatusNotFound)
}

// An exception in the app is a 500 from the gateway, logged with its
// traceback; the workers live on.
func TestAppExceptionIs500(t *testing.T) {
	s := startNginx(t, lifecycleConf)
	before := s.workers()
	r := get(t, s.url("/life?mode=error"))
	wantStatus(t, r, http.StatusInternalServerError)
	if strings.Contains(string(r.body), "lifecycle test error") {
		t.Errorf("the exception's text reached the client: %q", r.body)
	}
	for i := 0; i < 20; i++ {
		wantStatus(t, get(t, s.url("/life?mode=error")), http.StatusInternalServerError)
	}
	wantStatus(t, get(t, s.url("/life?mode=none")), http.StatusNotFound)
	if after := s.workers(); !slices.Equal(before, after) {
		t.Errorf("workers were %v, are %v", before, after)
	}
	if log := s.errorLog(); !strings.Contains(log, "RuntimeError: lifecycle test error") {
		t.Errorf("the traceback is not in the error log")
	}
}

// A request past wsgi_request_timeout is stopped and answered 504.
func TestRequestTimeoutIs504(t *testing.T) {
	s := startNginx(t, lifecycleConf)
	start := time.Now()
	r := get(t, s.url("/limited?mode=spin"))
	wantStatus(t, r, http.StatusGatewayTimeout)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the 504 took %v for a 1s timeout", took)
	}
	// The context the spin held is free again.
	wantStatus(t, get(t, s.url("/limited?mode=none")), http.StatusNotFound)
}

// An app that fails after its body began cannot answer 500 any more: the
// connection is cut so the client sees a truncated response, never a
// complete one.
func TestFailureMidBodyCutsTheConnection(t *testing.T) {
	s := startNginx(t, lifecycleConf)
	for _, mode := range []string{"cut", "cutlength"} {
		res, err := client.Get(s.url("/life?mode=" + mode))
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err == nil {
			t.Errorf("%s: the response ended cleanly with %q", mode, body)
		}
		if !strings.HasPrefix(string(body), "first part;") {
			t.Errorf("%s: body %q, want what the app sent before failing", mode, body)
		}
	}
	wantStatus(t, get(t, s.url("/life?mode=none")), http.StatusNotFound)
}

// A script that does not compile fails its requests with 500 and says
// where in the error log; the other apps of the worker are unaffected.
func TestBrokenScriptIs500(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "broken.py")
	if err := os.WriteFile(broken, []byte("def application(environ, start_response):\n    return [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location /broken {
            wsgi_script_alias /broken `+broken+`;
        }
        location /life {
            wsgi_script_alias /life {{apps}}/lifecycle.py;
        }
    }`)
	wantStatus(t, get(t, s.url("/broken")), http.StatusInternalServerError)
	wantStatus(t, get(t, s.url("/life?mode=none")), http.StatusNotFound)
	if log := s.errorLog(); !strings.Contains(log, broken+":") {
		t.Errorf("the error log does not name %s:LINE", broken)
	}
}
