package apache

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
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/pyvenv"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
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
	core := filepath.Join(env.shared, "libgowsgi.so")
	f, err := elf.Open(core)
	if err != nil {
		t.Fatalf("reading the core: %v", err)
	}
	libs, err := f.ImportedLibraries()
	f.Close()
	if err != nil {
		t.Fatalf("reading the core: %v", err)
	}
	linked := false
	for _, lib := range libs {
		linked = linked || strings.HasPrefix(lib, "libpython3")
	}
	if !linked {
		t.Skip("the core was built without the cpython engine (it does not link libpython3): build it with " +
			"make -f apache-module/Makefile.inc GO_TAGS='-tags cpython' libgowsgi and point GOWSGI_APACHE_BUILT at it")
	}
	for _, m := range []string{"flask", "django"} {
		if err := exec.Command("/usr/bin/python3", "-c", "import "+m).Run(); err != nil {
			t.Skipf("Python module %s is missing (scripts/deps.sh cpython installs it)", m)
		}
	}
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
// project: it sets the database path the settings read and runs the
// project's wsgi.py. The tables are made before the server starts, by
// running the script once, so that children loading the project at the
// same time do not race to create them; the database is then opened to
// the children's user.
func writeDjangoScript(t *testing.T, dir, db string) {
	t.Helper()
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
			t.Run("flask", func(t *testing.T) { testCPythonFlask(t, s) })
			t.Run("django", func(t *testing.T) { testCPythonDjango(t, s) })
			t.Run("validator", func(t *testing.T) { testCPythonValidator(t, s, filepath.Join(apps, "validated.py")) })
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
	header http.Header
	body   string
}

// send makes one request with the given headers; redirects are not
// followed.
func send(t *testing.T, method, url string, body io.Reader, header map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(data)}
}

// getJSON GETs url and decodes its JSON body into v.
func getJSON(t *testing.T, url string, v any) reply {
	t.Helper()
	r := send(t, http.MethodGet, url, nil, nil)
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("GET %s = %d %q: %v", url, r.status, short(r.body), err)
	}
	return r
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

func testCPythonFlask(t *testing.T, s *server) {
	var links map[string]string
	r := getJSON(t, s.url("/flask/"), &links)
	for k, v := range map[string]string{
		"item":        "/flask/items/7",
		"echo":        "/flask/echo",
		"external":    "http://" + s.addr() + "/flask/items/7",
		"script_root": "/flask",
	} {
		if links[k] != v {
			t.Errorf("url_for: %s = %q, want %q (status %d)", k, links[k], v, r.status)
		}
	}

	var item struct {
		ID       int               `json:"id"`
		Path     string            `json:"path"`
		FullPath string            `json:"full_path"`
		Args     map[string]string `json:"args"`
	}
	getJSON(t, s.url("/flask/items/42?q=caf%C3%A9&n=1"), &item)
	if item.ID != 42 || item.Path != "/items/42" || item.FullPath != "/items/42?q=caf%C3%A9&n=1" ||
		item.Args["q"] != "café" || item.Args["n"] != "1" {
		t.Errorf("item = %+v", item)
	}

	body := `{"numbers": [1, 2, 3], "name": "Zoë ☃"}`
	r = send(t, http.MethodPost, s.url("/flask/echo"), strings.NewReader(body),
		map[string]string{"Content-Type": "application/json"})
	if r.status != http.StatusCreated || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("POST /flask/echo = %d %q %q", r.status, r.header.Get("Content-Type"), short(r.body))
	}
	var echo struct {
		Received map[string]any `json:"received"`
		Doubled  []int          `json:"doubled"`
		Length   int            `json:"length"`
	}
	if err := json.Unmarshal([]byte(r.body), &echo); err != nil {
		t.Fatalf("response %q: %v", r.body, err)
	}
	if echo.Received["name"] != "Zoë ☃" || fmt.Sprint(echo.Doubled) != "[2 4 6]" || echo.Length != len(body) {
		t.Errorf("echo = %+v", echo)
	}

	var missing map[string]string
	if r := getJSON(t, s.url("/flask/nowhere"), &missing); r.status != http.StatusNotFound || missing["path"] != "/nowhere" {
		t.Errorf("GET /flask/nowhere = %d %v", r.status, missing)
	}
}

func testCPythonDjango(t *testing.T, s *server) {
	var index map[string]any
	getJSON(t, s.url("/django/"), &index)
	for k, want := range map[string]string{"add": "/django/notes/", "first": "/django/notes/1", "script_name": "/django"} {
		if index[k] != want {
			t.Errorf("reverse: %s = %v, want %q", k, index[k], want)
		}
	}

	texts := []string{"première note", "second & last"}
	for i, text := range texts {
		form := url.Values{"text": {text}}.Encode()
		r := send(t, http.MethodPost, s.url("/django/notes/"), strings.NewReader(form),
			map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		location := fmt.Sprintf("/django/notes/%d", i+1)
		if r.status != http.StatusFound || r.header.Get("Location") != location {
			t.Fatalf("POST = %d Location %q, want 302 %s; body %q", r.status, r.header.Get("Location"), location, short(r.body))
		}
		var note map[string]any
		getJSON(t, s.url(location), &note)
		if note["text"] != text || note["url"] != s.url(location) {
			t.Errorf("GET %s = %v", location, note)
		}
	}
	// Every child answers from the same database: each request on a new
	// connection, which any child may accept.
	for i := 0; i < 8; i++ {
		var list struct {
			Notes []string `json:"notes"`
		}
		r := send(t, http.MethodGet, s.url("/django/"), nil, map[string]string{"Connection": "close"})
		if err := json.Unmarshal([]byte(r.body), &list); err != nil {
			t.Fatalf("GET /django/ = %d %q: %v", r.status, short(r.body), err)
		}
		if strings.Join(list.Notes, "|") != strings.Join(texts, "|") {
			t.Fatalf("notes = %q", list.Notes)
		}
	}

	// A body with its length: Django reads no more than CONTENT_LENGTH,
	// so a chunked one (no CONTENT_LENGTH under Apache) reads as empty.
	body := strings.Repeat("0123456789abcdef", 64<<10) // 1 MiB
	sum := sha256.Sum256([]byte(body))
	want := fmt.Sprintf(`{"length": %d, "sha256": "%s"}`, len(body), hex.EncodeToString(sum[:]))
	r := send(t, http.MethodPost, s.url("/django/upload"), strings.NewReader(body),
		map[string]string{"Content-Type": "application/octet-stream"})
	if r.status != http.StatusOK || r.body != want {
		t.Errorf("upload = %d %q, want %q", r.status, short(r.body), want)
	}

	if r := send(t, http.MethodGet, s.url("/django/notes/99"), nil, nil); r.status != http.StatusNotFound {
		t.Errorf("GET /django/notes/99 = %d, want Django's 404", r.status)
	}
}

// testCPythonValidator sends a range of requests to an application wrapped
// in wsgiref.validate.validator. The validator checks Apache's side of PEP
// 3333 as much as the application's: whatever it asserts or warns about
// reaches the error log (Python's stderr or a logged exception) and fails
// the test with the request it came from.
func testCPythonValidator(t *testing.T, s *server, script string) {
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
		{name: "chunked upload", method: "POST", path: "/v/echo", body: struct{ io.Reader }{strings.NewReader(upload)},
			wantStatus: http.StatusOK, wantBody: fmt.Sprintf("%d %s -", len(upload), digest(upload))},
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
				t.Errorf("%s %s = %d, want %d; body %q", tc.method, tc.path, r.status, tc.wantStatus, short(r.body))
			}
			switch {
			case tc.wantBodyRE != "":
				if !regexp.MustCompile(tc.wantBodyRE).MatchString(r.body) {
					t.Errorf("body = %q, want it to match %s", short(r.body), tc.wantBodyRE)
				}
			case r.body != tc.wantBody:
				t.Errorf("body = %q, want %q", short(r.body), short(tc.wantBody))
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

	if !waitFor(5*time.Second, func() bool { return strings.Contains(s.errorLog(), "validated app: two lines") }) {
		t.Error("the lines written to wsgi.errors are not in the error log")
	}
}

// streamArrivals GETs a response of "part N\n" lines and returns when each
// line arrived.
func streamArrivals(t *testing.T, url string) []time.Time {
	t.Helper()
	resp, err := client().Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	if len(resp.TransferEncoding) == 0 || resp.TransferEncoding[0] != "chunked" {
		t.Errorf("a response of unknown length was not sent chunked (Content-Length %d)", resp.ContentLength)
	}
	var arrivals []time.Time
	lines := bufio.NewReader(resp.Body)
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
