package nginx

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/testbin"
)

func TestThreeAppsInOneServer(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location /a {
            wsgi_script_alias /a {{apps}}/named.py callable-object=alpha;
        }
        location /b {
            wsgi_script_alias /b {{apps}}/named.py callable-object=beta;
        }
        location /c {
            wsgi_callable_object gamma;
            wsgi_script_alias /c {{apps}}/named.py;
        }
    }`)
	wantBodies(t, s, map[string]string{
		"/a":        "alpha /a \n",
		"/a/x/y":    "alpha /a /x/y\n",
		"/b/":       "beta /b /\n",
		"/c/z":      "gamma /c /z\n",
		"/a/../b/q": "beta /b /q\n",
	})
}

// Two virtual servers mount different apps at the same URI; settings set
// at server level reach their locations.
func TestTwoServersTwoApps(t *testing.T) {
	static := t.TempDir()
	if err := os.WriteFile(filepath.Join(static, "file.txt"), []byte("static file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        server_name one.test;
        wsgi_callable_object alpha;
        wsgi_script_alias / {{apps}}/named.py;
        location /static/ {
            wsgi_script_alias off;
            alias `+static+`/;
        }
    }
    server {
        listen 127.0.0.1:{{port}};
        server_name two.test;
        wsgi_callable_object beta;
        location / {
            wsgi_script_alias / {{apps}}/named.py;
        }
    }`)
	for host, want := range map[string]string{"one.test": "alpha  /p\n", "two.test": "beta  /p\n"} {
		req, err := http.NewRequest(http.MethodGet, s.url("/p"), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		r := do(t, req)
		wantStatus(t, r, http.StatusOK)
		if string(r.body) != want {
			t.Errorf("Host %s: %q, want %q", host, r.body, want)
		}
	}
	req, err := http.NewRequest(http.MethodGet, s.url("/static/file.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "one.test"
	r := do(t, req)
	wantStatus(t, r, http.StatusOK)
	if string(r.body) != "static file\n" {
		t.Errorf("wsgi_script_alias off: %q", r.body)
	}
}

// An application that cannot start (here: an engine this core lacks) gets
// 500s and an error logged at the worker's start; the others serve.
func TestOneFailingAppLeavesTheOthers(t *testing.T) {
	// nginx -t knows engines by name only: the worker finds the core
	// lacks one. A core built with cpython gets a gpython-only one here.
	coreLibrary := ""
	if ok, _ := coreHasCPython(paths.core); ok {
		lib, err := testbin.BuildCore(paths.repo, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		coreLibrary = "wsgi_core_library " + lib + ";"
	}
	s := startNginx(t, coreLibrary+`
    server {
        listen 127.0.0.1:{{port}};
        location /a {
            wsgi_engine cpython;
            wsgi_script_alias /a {{apps}}/named.py callable-object=alpha;
        }
        location /b {
            wsgi_script_alias /b {{apps}}/named.py callable-object=beta;
        }
    }`)
	wantStatus(t, get(t, s.url("/a")), http.StatusInternalServerError)
	r := get(t, s.url("/b/x"))
	wantStatus(t, r, http.StatusOK)
	if string(r.body) != "beta /b /x\n" {
		t.Errorf("GET /b/x: %q", r.body)
	}
	if log := s.errorLog(); !strings.Contains(log, "applications not started") || !strings.Contains(log, "cpython") {
		t.Errorf("the error log does not say which application did not start")
	}
}

// An application whose script loads but lacks its callable gets 500s and
// the reason in the error log; the other applications of the worker serve.
func TestOneBrokenScriptLeavesTheOthers(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location /a {
            wsgi_script_alias /a {{apps}}/named.py callable-object=nope;
        }
        location /b {
            wsgi_script_alias /b {{apps}}/named.py callable-object=beta;
        }
    }`)
	wantStatus(t, get(t, s.url("/a")), http.StatusInternalServerError)
	r := get(t, s.url("/b/x"))
	wantStatus(t, r, http.StatusOK)
	if string(r.body) != "beta /b /x\n" {
		t.Errorf("GET /b/x: %q", r.body)
	}
	if log := s.errorLog(); !strings.Contains(log, "callable 'nope' not found") {
		t.Errorf("the error log does not say why /a failed:\n%s", log)
	}
}

// wsgi_script_alias_match: the pattern picks the script through $1, the
// match is SCRIPT_NAME and the rest PATH_INFO; a path naming no script is
// 404, one outside the pattern too.
func TestScriptAliasMatch(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"first", "second"} {
		app := `def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [("` + name + ` %s %s\n" % (environ["SCRIPT_NAME"], environ["PATH_INFO"])).encode()]
`
		if err := os.WriteFile(filepath.Join(dir, name+".py"), []byte(app), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        location ~ ^/apps/ {
            wsgi_script_alias_match ^/apps/(\w+) `+dir+`/$1.py;
        }
    }`)
	wantBodies(t, s, map[string]string{
		"/apps/first":      "first /apps/first \n",
		"/apps/second/a/b": "second /apps/second /a/b\n",
		"/apps/first?x=1":  "first /apps/first \n",
	})
	for _, path := range []string{"/apps/third", "/apps/"} {
		if r := get(t, s.url(path)); r.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, r.status)
		}
	}
}

// wantBodies GETs each path and wants 200 with its body.
func wantBodies(t *testing.T, s *server, bodies map[string]string) {
	t.Helper()
	for path, want := range bodies {
		r := get(t, s.url(path))
		wantStatus(t, r, http.StatusOK)
		if string(r.body) != want {
			t.Errorf("GET %s: %q, want %q", path, r.body, want)
		}
	}
}
