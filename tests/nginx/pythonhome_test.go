package nginx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/pyvenv"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// wsgi_python_home runs the cpython engine from a virtualenv made with
// --system-site-packages: a module installed only in the venv imports, and
// sys.prefix is the venv.
func TestCPythonPythonHome(t *testing.T) {
	needCPython(t)
	dir := t.TempDir()
	venv := filepath.Join(dir, "venv")
	pyvenv.Make(t, venv, map[string]string{"venv_only.py": "WHERE = 'venv'\n"})
	app := filepath.Join(dir, "home.py")
	if err := os.WriteFile(app, []byte(`import sys
import venv_only

def application(environ, start_response):
    body = ("%s %s" % (venv_only.WHERE, sys.prefix)).encode()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startNginx(t, fmt.Sprintf(`
    wsgi_python_home %s;
    server {
        listen 127.0.0.1:{{port}};
        location / {
            wsgi_engine cpython;
            wsgi_script_alias / %s;
        }
    }`, venv, app))
	r := send(t, "GET", s.url("/"), nil, nil)
	if want := "venv " + venv; r.status != 200 || string(r.body) != want {
		t.Fatalf("got %d %q, want 200 %q\n%s", r.status, r.body, want, harness.Tail(s.errorLog(), 20))
	}
	wantCPythonStarted(t, s)
}

// nginx -t refuses a python home that is not a directory, with its line.
func TestConfigTestRejectsPythonHome(t *testing.T) {
	dir := t.TempDir()
	prefix, _ := newPrefix(t, `
    wsgi_python_home `+dir+`/missing;
    server {
        listen 127.0.0.1:{{port}};
        location / {
            wsgi_script_alias / {{apps}}/hello.py;
        }
    }`)
	conf := filepath.Join(prefix, "nginx.conf")
	line := lineOf(t, conf, "wsgi_python_home")
	out, err := exec.Command(paths.nginx, "-t", "-p", prefix+"/", "-c", conf).CombinedOutput()
	if err == nil {
		t.Fatalf("nginx -t accepted it:\n%s", out)
	}
	want := `python home "` + dir + `/missing" is not a directory`
	if !hasError(string(out), want, fmt.Sprintf(" in %s:%d", conf, line)) {
		t.Fatalf("nginx -t said:\n%s\nwant an [emerg] line with %q", out, want)
	}
	if strings.Contains(string(out), "test is successful") {
		t.Fatalf("nginx -t says the test passed:\n%s", out)
	}
}
