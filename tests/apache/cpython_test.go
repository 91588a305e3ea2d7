package apache

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/cpythoncases"
	"github.com/gowsgi/gowsgi/tests/internal/harness"
	"github.com/gowsgi/gowsgi/tests/internal/pyvenv"
)

// The CPython engine under Apache: Flask, Django and an application wrapped
// in wsgiref's PEP 3333 validator, on the core this suite loads, under both
// MPMs. CPython has one interpreter per process: each child has its own.
// The applications are those of tests/cpython/apps, copied where the
// children (www-data) can read them.

// cpythonSite mounts the applications copied into {{data}}/cpython. The
// engine is the server's; the gpython greeting beside them takes its own.
const cpythonSite = `
WSGIEngine cpython
WSGIScriptAlias /flask {{data}}/cpython/flask_app.py
WSGIScriptAlias /django {{data}}/cpython/django/served.py
WSGIScriptAlias /v {{data}}/cpython/validated.py
WSGIScriptAlias /hello {{apps}}/hello.py engine=gpython
`

// needCPython skips the test unless the core was built with the cpython
// engine (such a core links libpython3) and python3 has Flask and Django.
func needCPython(t *testing.T) {
	t.Helper()
	linked, err := cpythoncases.LinksLibpython(filepath.Join(env.shared, "libgowsgi.so"))
	if err != nil {
		t.Fatalf("reading the core: %v", err)
	}
	if !linked {
		t.Skip("the core was built without the cpython engine (it does not link libpython3): build it with " +
			"make -f apache-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi and point GOWSGI_APACHE_BUILT at it")
	}
	cpythoncases.NeedModules(t, "flask", "django")
}

// copyCPythonApps copies tests/cpython/apps into dst, readable by all.
func copyCPythonApps(t *testing.T, dst string) {
	t.Helper()
	src := filepath.Join(env.repo, "tests", "cpython", "apps")
	if err := harness.CopyTree(src, dst); err != nil {
		t.Fatalf("copying the applications of tests/cpython: %v", err)
	}
}

// writeDjangoScript writes the script mounted at /django beside the
// project and makes its tables, then opens the database to the children's
// user.
func writeDjangoScript(t *testing.T, dir, db string) {
	t.Helper()
	cpythoncases.DjangoScript(t, dir, db)
	if err := os.Chmod(db, 0o666); err != nil {
		t.Fatal(err)
	}
}

func TestCPython(t *testing.T) {
	needCPython(t)
	for _, mpm := range []string{"event", "prefork"} {
		t.Run(mpm, func(t *testing.T) {
			s := prepare(t, site{mpm: mpm, body: cpythonSite}, "")
			apps := filepath.Join(s.data, "cpython")
			copyCPythonApps(t, apps)
			writeDjangoScript(t, filepath.Join(apps, "django"), filepath.Join(s.data, "notes.sqlite3"))
			startPrepared(t, s)
			base := "http://" + s.addr()
			t.Run("flask", func(t *testing.T) { cpythoncases.Flask(t, base) })
			// Every child answers from the same database. A chunked body
			// reaches Django empty: Apache gives it no CONTENT_LENGTH.
			t.Run("django", func(t *testing.T) { cpythoncases.Django(t, base, cpythoncases.DjangoOptions{Reads: 8}) })
			t.Run("validator", func(t *testing.T) {
				cpythoncases.Validator(t, base, cpythoncases.ValidatorOptions{
					Script: filepath.Join(apps, "validated.py"), Log: s.errorLog,
				})
			})
			t.Run("gpython_beside", func(t *testing.T) {
				resp, body := get(t, s.url("/hello"))
				if resp.StatusCode != http.StatusOK || body != "Hello, world!\n" {
					t.Errorf("GET /hello = %d %q", resp.StatusCode, body)
				}
			})
			if !strings.Contains(s.errorLog(), "CPython started") {
				t.Errorf("the error log does not show CPython starting")
			}
		})
	}
}

// reply is one response with its body read whole.
type reply struct {
	status int
	body   string
}

// send makes one request with the given headers; redirects are not
// followed.
func send(t *testing.T, method, url string, body io.Reader, header map[string]string) reply {
	t.Helper()
	r := cpythoncases.Send(t, client(), method, url, body, header)
	return reply{status: r.Status, body: r.Body}
}

// short cuts a long body for a message.
func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// WSGIPythonHome runs the cpython engine from a virtualenv made with
// --system-site-packages: a module installed only in the venv imports, and
// sys.prefix is the venv. WSGIDaemonProcess python-home= may name the same
// directory.
func TestCPythonPythonHome(t *testing.T) {
	needCPython(t)
	s := prepare(t, site{body: `
WSGIPythonHome {{data}}/venv
WSGIDaemonProcess app python-home={{data}}/venv
WSGIScriptAlias /home {{data}}/home.py process-group=app engine=cpython
`}, "")
	venv := filepath.Join(s.data, "venv")
	pyvenv.Make(t, venv, map[string]string{"venv_only.py": "WHERE = 'venv'\n"})
	if err := os.WriteFile(filepath.Join(s.data, "home.py"), []byte(`import sys
import venv_only

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("%s %s" % (venv_only.WHERE, sys.prefix)).encode()]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	startPrepared(t, s)
	r := send(t, http.MethodGet, s.url("/home"), nil, nil)
	if want := "venv " + venv; r.status != http.StatusOK || r.body != want {
		t.Fatalf("GET /home = %d %q, want 200 %q\n%s", r.status, r.body, want, s.errorLog())
	}
}
