package nginx

import (
	"bufio"
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

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
	for _, m := range modules {
		if err := exec.Command("/usr/bin/python3", "-c", "import "+m).Run(); err != nil {
			t.Skipf("Python module %s is missing (scripts/deps.sh cpython installs it)", m)
		}
	}
}

// coreHasCPython tells whether the core at path has the cpython engine:
// a core built with it links libpython3.
func coreHasCPython(path string) (bool, string) {
	f, err := elf.Open(path)
	if err != nil {
		return false, fmt.Sprintf("reading %s: %v", path, err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		return false, fmt.Sprintf("reading %s: %v", path, err)
	}
	for _, lib := range libs {
		if strings.HasPrefix(lib, "libpython3") {
			return true, ""
		}
	}
	return false, path + " was built without the cpython engine (it does not link libpython3)"
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
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := cpythonClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return response{status: res.StatusCode, header: res.Header, body: data}
}

// getJSON GETs url and decodes its JSON body into v.
func getJSON(t *testing.T, url string, v any) response {
	t.Helper()
	r := send(t, http.MethodGet, url, nil, nil)
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("GET %s = %d %q: %v", url, r.status, truncate(r.body), err)
	}
	return r
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

	t.Run("url_for under the mount", func(t *testing.T) {
		var got map[string]string
		r := getJSON(t, s.url("/flask/"), &got)
		want := map[string]string{
			"item":        "/flask/items/7",
			"echo":        "/flask/echo",
			"external":    "http://" + s.addr() + "/flask/items/7",
			"script_root": "/flask",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q (status %d)", k, got[k], v, r.status)
			}
		}
	})

	t.Run("routing and query strings", func(t *testing.T) {
		var got struct {
			ID       int               `json:"id"`
			Path     string            `json:"path"`
			FullPath string            `json:"full_path"`
			Args     map[string]string `json:"args"`
		}
		getJSON(t, s.url("/flask/items/42?q=caf%C3%A9&n=1"), &got)
		if got.ID != 42 || got.Path != "/items/42" || got.FullPath != "/items/42?q=caf%C3%A9&n=1" ||
			got.Args["q"] != "café" || got.Args["n"] != "1" {
			t.Errorf("item = %+v", got)
		}
	})

	t.Run("JSON request and response bodies", func(t *testing.T) {
		body := `{"numbers": [1, 2, 3], "name": "Zoë ☃"}`
		r := send(t, http.MethodPost, s.url("/flask/echo"), strings.NewReader(body),
			map[string]string{"Content-Type": "application/json"})
		if r.status != http.StatusCreated || r.header.Get("Content-Type") != "application/json" {
			t.Fatalf("POST /flask/echo = %d %q %q", r.status, r.header.Get("Content-Type"), truncate(r.body))
		}
		var got struct {
			Received map[string]any `json:"received"`
			Doubled  []int          `json:"doubled"`
			Length   int            `json:"length"`
		}
		if err := json.Unmarshal(r.body, &got); err != nil {
			t.Fatalf("response %q: %v", r.body, err)
		}
		if got.Received["name"] != "Zoë ☃" || fmt.Sprint(got.Doubled) != "[2 4 6]" || got.Length != len(body) {
			t.Errorf("echo = %+v", got)
		}
	})

	t.Run("the app's own 404 inside the mount", func(t *testing.T) {
		var got map[string]string
		if r := getJSON(t, s.url("/flask/nowhere"), &got); r.status != http.StatusNotFound || got["path"] != "/nowhere" {
			t.Errorf("GET /flask/nowhere = %d %v", r.status, got)
		}
	})

	t.Run("gpython beside it", func(t *testing.T) {
		r := get(t, s.url("/hello"))
		wantStatus(t, r, http.StatusOK)
		if string(r.body) != "Hello from gowsgi under nginx\n" {
			t.Errorf("GET /hello = %q", r.body)
		}
	})
	wantCPythonStarted(t, s)
}

// djangoScript writes, beside the Django project copied from
// tests/cpython/apps/django, the script nginx mounts: it sets the database
// path the settings read (nginx's workers keep no environment) and runs
// the project's wsgi.py. The tables are made before any server starts, by
// running the script once: workers loading the project at the same time
// would race to create them.
func djangoScript(t *testing.T, apps, db string) string {
	t.Helper()
	dir := filepath.Join(apps, "django")
	script := filepath.Join(dir, "served.py")
	code := fmt.Sprintf(`# The project of wsgi.py with its database at %[1]s.
import os
import runpy
import sys

sys.dont_write_bytecode = True
os.environ["GOWSGI_TEST_DJANGO_DB"] = %[1]q
application = runpy.run_path(%[2]q)["application"]
`, db, filepath.Join(dir, "wsgi.py"))
	if err := os.WriteFile(script, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/usr/bin/python3", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("creating the Django tables (python3 %s): %v\n%s", script, err, out)
	}
	return script
}

func TestCPythonDjango(t *testing.T) {
	needCPython(t, "django")
	apps := cpythonApps(t)
	script := djangoScript(t, apps, filepath.Join(t.TempDir(), "notes.sqlite3"))
	s := startNginx(t, strings.ReplaceAll(`
    server {
        listen 127.0.0.1:{{port}};
        client_max_body_size 8m;
        location /django {
            wsgi_engine cpython;
            wsgi_script_alias /django {{script}};
        }
    }`, "{{script}}", script))

	t.Run("reverse under the mount", func(t *testing.T) {
		var got map[string]any
		getJSON(t, s.url("/django/"), &got)
		for k, want := range map[string]string{"add": "/django/notes/", "first": "/django/notes/1", "script_name": "/django"} {
			if got[k] != want {
				t.Errorf("%s = %v, want %q", k, got[k], want)
			}
		}
	})

	t.Run("POST a form, follow the redirect", func(t *testing.T) {
		for i, text := range []string{"première note", "second & last"} {
			form := url.Values{"text": {text}}.Encode()
			r := send(t, http.MethodPost, s.url("/django/notes/"), strings.NewReader(form),
				map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			location := fmt.Sprintf("/django/notes/%d", i+1)
			if r.status != http.StatusFound || r.header.Get("Location") != location {
				t.Fatalf("POST = %d Location %q, want 302 %s; body %q", r.status, r.header.Get("Location"), location, truncate(r.body))
			}
			var got map[string]any
			getJSON(t, s.url(location), &got)
			if got["text"] != text || got["url"] != s.url(location) {
				t.Errorf("GET %s = %v", location, got)
			}
		}
		// Every worker answers from the same database: each request on a
		// new connection, which either worker may accept.
		for i := 0; i < 6; i++ {
			var index struct {
				Notes []string `json:"notes"`
			}
			r := send(t, http.MethodGet, s.url("/django/"), nil, map[string]string{"Connection": "close"})
			if err := json.Unmarshal(r.body, &index); err != nil {
				t.Fatalf("GET /django/ = %d %q: %v", r.status, truncate(r.body), err)
			}
			if strings.Join(index.Notes, "|") != "première note|second & last" {
				t.Fatalf("notes = %q", index.Notes)
			}
		}
	})

	// Django reads no more than CONTENT_LENGTH: a chunked body reaches it
	// whole because nginx reads the body first and passes its length.
	t.Run("raw body", func(t *testing.T) {
		body := strings.Repeat("0123456789abcdef", 64<<10) // 1 MiB
		sum := sha256.Sum256([]byte(body))
		want := fmt.Sprintf(`{"length": %d, "sha256": "%s"}`, len(body), hex.EncodeToString(sum[:]))
		for _, tc := range []struct {
			name string
			body io.Reader
		}{
			{"content-length", strings.NewReader(body)},
			{"chunked", onlyReader{strings.NewReader(body)}},
		} {
			r := send(t, http.MethodPost, s.url("/django/upload"), tc.body,
				map[string]string{"Content-Type": "application/octet-stream"})
			if r.status != http.StatusOK || string(r.body) != want {
				t.Errorf("%s upload = %d %q, want %q", tc.name, r.status, truncate(r.body), want)
			}
		}
	})

	t.Run("an unknown note is Django's 404", func(t *testing.T) {
		if r := send(t, http.MethodGet, s.url("/django/notes/99"), nil, nil); r.status != http.StatusNotFound {
			t.Errorf("GET /django/notes/99 = %d", r.status)
		}
	})
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
	source, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	digest := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return hex.EncodeToString(sum[:])
	}
	small := "name=value&x=1"
	large := strings.Repeat("0123456789abcdef", 64<<10)
	upload := strings.Repeat("chunked upload data\n", 10000)

	cases := []struct {
		name, method, path string
		body               io.Reader
		header             map[string]string
		wantStatus         int
		wantBody           string // exact, unless wantBodyRE
		wantBodyRE         string
	}{
		{name: "GET", method: "GET", path: "/v/hello", wantStatus: http.StatusOK, wantBody: "hello"},
		{name: "HEAD", method: "HEAD", path: "/v/hello", wantStatus: http.StatusOK, wantBody: ""},
		{name: "GET with a query", method: "GET", path: "/v/environ?a=1&b=%C3%A9", wantStatus: http.StatusOK,
			wantBody: "REQUEST_METHOD=GET\nSCRIPT_NAME=/v\nPATH_INFO=/environ\nQUERY_STRING=a=1&b=%C3%A9\n" +
				"SERVER_PROTOCOL=HTTP/1.1\nwsgi.url_scheme=http"},
		{name: "POST with a body", method: "POST", path: "/v/echo", body: strings.NewReader(small),
			header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, wantStatus: http.StatusOK,
			wantBody: fmt.Sprintf("%d %s %d", len(small), digest(small), len(small))},
		{name: "POST with a 1 MiB body", method: "POST", path: "/v/echo", body: strings.NewReader(large),
			wantStatus: http.StatusOK, wantBody: fmt.Sprintf("%d %s %d", len(large), digest(large), len(large))},
		{name: "POST with an empty body", method: "POST", path: "/v/echo", body: strings.NewReader(""), wantStatus: http.StatusOK,
			wantBodyRE: `^0 ` + digest("") + ` (0|-)$`},
		// nginx reads a chunked body before the application starts: it
		// may then give its length.
		{name: "chunked upload", method: "POST", path: "/v/echo", body: onlyReader{strings.NewReader(upload)}, wantStatus: http.StatusOK,
			wantBodyRE: fmt.Sprintf(`^%d %s (%d|-)$`, len(upload), digest(upload), len(upload))},
		{name: "readline, readlines, iteration", method: "PUT", path: "/v/lines",
			body: strings.NewReader("first\nsecond\nthird\nfourth\nfifth"), wantStatus: http.StatusOK,
			wantBody: "first\n|sec|ond\n|third\n|fourth\nfifth"},
		{name: "streaming response", method: "GET", path: "/v/stream", wantStatus: http.StatusOK,
			wantBody: "part 0\npart 1\npart 2\npart 3\npart 4\n"},
		{name: "file_wrapper", method: "GET", path: "/v/file", wantStatus: http.StatusOK, wantBody: string(source)},
		{name: "write()", method: "GET", path: "/v/write", wantStatus: http.StatusOK, wantBody: "written then returned"},
		{name: "wsgi.errors", method: "GET", path: "/v/errors", wantStatus: http.StatusOK, wantBody: "logged"},
		{name: "204", method: "GET", path: "/v/empty", wantStatus: http.StatusNoContent, wantBody: ""},
		{name: "exc_info before the headers", method: "GET", path: "/v/exc", wantStatus: http.StatusInternalServerError, wantBody: "error page"},
		{name: "the app's 404", method: "DELETE", path: "/v/missing", wantStatus: http.StatusNotFound, wantBody: "not found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(s.errorLog())
			r := send(t, tc.method, s.url(tc.path), tc.body, tc.header)
			if r.status != tc.wantStatus {
				t.Errorf("%s %s = %d, want %d; body %q", tc.method, tc.path, r.status, tc.wantStatus, truncate(r.body))
			}
			switch {
			case tc.wantBodyRE != "":
				if !regexp.MustCompile(tc.wantBodyRE).Match(r.body) {
					t.Errorf("body = %q, want it to match %s", truncate(r.body), tc.wantBodyRE)
				}
			case string(r.body) != tc.wantBody:
				t.Errorf("body = %q, want %q", truncate(r.body), truncate([]byte(tc.wantBody)))
			}
			validatorQuiet(t, s, before, tc.method+" "+tc.path)
		})
	}

	t.Run("the stream leaves as it is made", func(t *testing.T) {
		before := len(s.errorLog())
		arrivals := streamArrivals(t, s.url("/v/stream"))
		if len(arrivals) != 5 {
			t.Fatalf("%d parts, want 5", len(arrivals))
		}
		// The application sleeps 100 ms before each part: had the gateway
		// held the response back, the parts would arrive together.
		if gap := arrivals[4].Sub(arrivals[0]); gap < 200*time.Millisecond {
			t.Errorf("the 5 parts arrived within %v of each other: the response was not streamed", gap)
		}
		validatorQuiet(t, s, before, "GET /v/stream")
	})

	if !strings.Contains(s.errorLog(), "validated app: two lines") {
		t.Error("the lines written to wsgi.errors are not in the error log")
	}
	wantCPythonStarted(t, s)
}

// streamArrivals GETs a response of "part N\n" lines and returns when each
// line arrived.
func streamArrivals(t *testing.T, url string) []time.Time {
	t.Helper()
	res, err := cpythonClient.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, res.StatusCode)
	}
	if len(res.TransferEncoding) == 0 || res.TransferEncoding[0] != "chunked" {
		t.Errorf("a response of unknown length was not sent chunked (Content-Length %d)", res.ContentLength)
	}
	var arrivals []time.Time
	lines := bufio.NewReader(res.Body)
	for i := 0; ; i++ {
		line, err := lines.ReadString('\n')
		if err == io.EOF && line == "" {
			return arrivals
		}
		if err != nil {
			t.Fatalf("reading part %d: %v", i, err)
		}
		if want := fmt.Sprintf("part %d\n", i); line != want {
			t.Fatalf("part %d is %q, want %q", i, line, want)
		}
		arrivals = append(arrivals, time.Now())
		if i > 5 {
			t.Fatalf("more parts than the 5 sent")
		}
	}
}

// validatorQuiet fails the test if the error log, past offset before, has
// a line where the validator failed an assertion, warned, or found an
// iterator never closed. An unclosed iterator is found when Python frees
// it, just after the response: the log is read again a moment later.
func validatorQuiet(t *testing.T, s *server, before int, request string) {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	log := s.errorLog()
	if len(log) < before {
		before = 0
	}
	for _, line := range strings.Split(log[before:], "\n") {
		if strings.Contains(line, "AssertionError") || strings.Contains(line, "VALIDATOR ") ||
			strings.Contains(line, "garbage collected without being closed") {
			t.Errorf("%s: the validator reported: %s", request, strings.TrimSpace(line))
		}
	}
}
