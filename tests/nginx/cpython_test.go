package nginx

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/cpythoncases"
	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// The CPython engine under nginx: Flask, Django and an application wrapped
// in wsgiref's PEP 3333 validator, each mounted with `wsgi_engine cpython;`
// on the core this suite loads. The applications are those of
// tests/cpython/apps, copied into the test's own directory so that nothing
// Python writes lands in the tree.

// cpythonSupport remembers whether the loaded core has the cpython engine.
var cpythonSupport struct {
	once   sync.Once
	ok     bool
	reason string
}

// needCPython skips the test unless the core was built with the cpython
// engine and python3 can import each module named (Flask, Django).
func needCPython(t *testing.T, modules ...string) {
	t.Helper()
	cpythonSupport.once.Do(func() {
		cpythonSupport.ok, cpythonSupport.reason = coreHasCPython(paths.core)
	})
	if !cpythonSupport.ok {
		t.Skipf("%s: build it with the cpython engine (make -f nginx-module/Makefile.inc "+
			"GO_TAGS='-tags cpython' libgowsgi) and point GOWSGI_NGINX_BUILT at it", cpythonSupport.reason)
	}
	cpythoncases.NeedModules(t, modules...)
}

// coreHasCPython tells whether the core at path has the cpython engine,
// and if not, why.
func coreHasCPython(path string) (bool, string) {
	switch ok, err := cpythoncases.LinksLibpython(path); {
	case err != nil:
		return false, fmt.Sprintf("reading %s: %v", path, err)
	case !ok:
		return false, path + " was built without the cpython engine (it does not link libpython3)"
	}
	return true, ""
}

// cpythonApps copies tests/cpython/apps into a directory of the test and
// returns it.
func cpythonApps(t *testing.T) string {
	t.Helper()
	src := filepath.Join(paths.repo, "tests", "cpython", "apps")
	dst := filepath.Join(t.TempDir(), "apps")
	if err := harness.CopyTree(src, dst); err != nil {
		t.Fatalf("copying the applications of tests/cpython: %v", err)
	}
	return dst
}

// cpythonClient does not follow redirects: they are asserted.
var cpythonClient = &http.Client{
	Timeout:       60 * time.Second,
	Transport:     &http.Transport{Proxy: nil, DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// send makes one request with the given headers and reads the whole answer.
func send(t *testing.T, method, url string, body io.Reader, header map[string]string) response {
	t.Helper()
	r := cpythoncases.Send(t, cpythonClient, method, url, body, header)
	return response{status: r.Status, header: r.Header, body: []byte(r.Body)}
}

// wantCPythonStarted fails the test unless the workers started CPython.
func wantCPythonStarted(t *testing.T, s *server) {
	t.Helper()
	if !strings.Contains(s.errorLog(), "CPython started") {
		t.Errorf("the error log does not show CPython starting")
	}
}

func TestCPythonFlask(t *testing.T) {
	needCPython(t, "flask")
	apps := cpythonApps(t)
	// A gpython application beside it: the engine is chosen per location.
	s := startNginx(t, strings.ReplaceAll(`
    server {
        listen 127.0.0.1:{{port}};
        location /flask {
            wsgi_engine cpython;
            wsgi_script_alias /flask {{cpython}}/flask_app.py;
        }
        location /hello {
            wsgi_script_alias /hello {{apps}}/hello.py;
        }
    }`, "{{cpython}}", apps))

	cpythoncases.Flask(t, "http://"+s.addr())

	t.Run("gpython beside it", func(t *testing.T) {
		r := get(t, s.url("/hello"))
		wantStatus(t, r, http.StatusOK)
		if string(r.body) != "Hello from gowsgi under nginx\n" {
			t.Errorf("GET /hello = %q", r.body)
		}
	})
	wantCPythonStarted(t, s)
}

func TestCPythonDjango(t *testing.T) {
	needCPython(t, "django")
	apps := cpythonApps(t)
	// nginx's workers keep no environment: the script sets the database.
	script := cpythoncases.DjangoScript(t, filepath.Join(apps, "django"), filepath.Join(t.TempDir(), "notes.sqlite3"))
	s := startNginx(t, strings.ReplaceAll(`
    server {
        listen 127.0.0.1:{{port}};
        client_max_body_size 8m;
        location /django {
            wsgi_engine cpython;
            wsgi_script_alias /django {{script}};
        }
    }`, "{{script}}", script))

	// Every worker answers from the same database; nginx reads a chunked
	// body first and passes its length.
	cpythoncases.Django(t, "http://"+s.addr(), cpythoncases.DjangoOptions{Reads: 6, Chunked: true})
	wantCPythonStarted(t, s)
}

// TestCPythonValidator sends a range of requests to an application wrapped
// in wsgiref.validate.validator. The validator checks nginx's side of PEP
// 3333 as much as the application's: whatever it asserts or warns about
// reaches the error log (Python's stderr or a logged exception) and fails
// the test with the request it came from.
func TestCPythonValidator(t *testing.T) {
	needCPython(t)
	apps := cpythonApps(t)
	script := filepath.Join(apps, "validated.py")
	s := startNginx(t, strings.ReplaceAll(`
    server {
        listen 127.0.0.1:{{port}};
        client_max_body_size 8m;
        location /v {
            wsgi_engine cpython;
            wsgi_script_alias /v {{script}};
        }
    }`, "{{script}}", script))
	cpythoncases.Validator(t, "http://"+s.addr(), cpythoncases.ValidatorOptions{
		Script: script, Log: s.errorLog, ChunkedLength: true,
	})
	wantCPythonStarted(t, s)
}
