// Package cpythoncases holds the end-to-end checks of the CPython engine
// that every host runs alike: the Flask, Django and validated applications
// of tests/cpython/apps, mounted at /flask, /django and /v on a server
// whose base URL (http://127.0.0.1:PORT) each check takes.
package cpythoncases

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
)

// LinksLibpython tells whether the core at path links libpython3 (has the cpython engine).
func LinksLibpython(path string) (bool, error) {
	f, err := elf.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		return false, err
	}
	for _, lib := range libs {
		if strings.HasPrefix(lib, "libpython3") {
			return true, nil
		}
	}
	return false, nil
}

// NeedModules skips the test unless python3 can import each module named.
func NeedModules(t *testing.T, modules ...string) {
	t.Helper()
	for _, m := range modules {
		if err := exec.Command("/usr/bin/python3", "-c", "import "+m).Run(); err != nil {
			t.Skipf("Python module %s is missing (scripts/deps.sh cpython installs it)", m)
		}
	}
}

// DjangoScript writes dir/served.py, running dir/wsgi.py with its database at db, and makes the tables.
func DjangoScript(t *testing.T, dir, db string) string {
	t.Helper()
	// The script sets the database path, since a host's workers may keep
	// no environment; it runs once here, before any server starts, since
	// workers loading the project at the same time would race to create
	// the tables.
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

// Flask checks url_for, routing, JSON bodies and the 404 of the Flask app mounted at /flask.
func Flask(t *testing.T, base string) {
	c := newClient(t)

	t.Run("url_for under the mount", func(t *testing.T) {
		var got map[string]string
		r := getJSON(t, c, base+"/flask/", &got)
		want := map[string]string{
			"item":        "/flask/items/7",
			"echo":        "/flask/echo",
			"external":    base + "/flask/items/7",
			"script_root": "/flask",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("url_for: %s = %q, want %q (status %d)", k, got[k], v, r.Status)
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
		getJSON(t, c, base+"/flask/items/42?q=caf%C3%A9&n=1", &got)
		if got.ID != 42 || got.Path != "/items/42" || got.FullPath != "/items/42?q=caf%C3%A9&n=1" ||
			got.Args["q"] != "café" || got.Args["n"] != "1" {
			t.Errorf("item = %+v", got)
		}
	})

	t.Run("JSON request and response bodies", func(t *testing.T) {
		body := `{"numbers": [1, 2, 3], "name": "Zoë ☃"}`
		r := Send(t, c, http.MethodPost, base+"/flask/echo", strings.NewReader(body),
			map[string]string{"Content-Type": "application/json"})
		if r.Status != http.StatusCreated || r.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("POST /flask/echo = %d %q %q", r.Status, r.Header.Get("Content-Type"), short(r.Body))
		}
		var got struct {
			Received map[string]any `json:"received"`
			Doubled  []int          `json:"doubled"`
			Length   int            `json:"length"`
		}
		if err := json.Unmarshal([]byte(r.Body), &got); err != nil {
			t.Fatalf("response %q: %v", short(r.Body), err)
		}
		if got.Received["name"] != "Zoë ☃" || fmt.Sprint(got.Doubled) != "[2 4 6]" || got.Length != len(body) {
			t.Errorf("echo = %+v", got)
		}
	})

	t.Run("the app's own 404 inside the mount", func(t *testing.T) {
		var got map[string]string
		if r := getJSON(t, c, base+"/flask/nowhere", &got); r.Status != http.StatusNotFound || got["path"] != "/nowhere" {
			t.Errorf("GET /flask/nowhere = %d %v", r.Status, got)
		}
	})
}

// DjangoOptions are what differs between hosts in Django's checks.
type DjangoOptions struct {
	// Reads is how many times the list of notes is read, each on a new
	// connection, so that every worker process answers from the database.
	Reads int
	// Chunked also uploads a chunked body and wants it whole: the host
	// reads it first and passes its length.
	Chunked bool
}

// Django checks reverse(), form POSTs, raw bodies and the 404 of the project mounted at /django.
func Django(t *testing.T, base string, opt DjangoOptions) {
	c := newClient(t)

	t.Run("reverse under the mount", func(t *testing.T) {
		var got map[string]any
		getJSON(t, c, base+"/django/", &got)
		for k, want := range map[string]string{"add": "/django/notes/", "first": "/django/notes/1", "script_name": "/django"} {
			if got[k] != want {
				t.Errorf("reverse: %s = %v, want %q", k, got[k], want)
			}
		}
	})

	t.Run("POST a form, follow the redirect", func(t *testing.T) {
		texts := []string{"première note", "second & last"}
		for i, text := range texts {
			form := url.Values{"text": {text}}.Encode()
			r := Send(t, c, http.MethodPost, base+"/django/notes/", strings.NewReader(form),
				map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			location := fmt.Sprintf("/django/notes/%d", i+1)
			if r.Status != http.StatusFound || r.Header.Get("Location") != location {
				t.Fatalf("POST = %d Location %q, want 302 %s; body %q", r.Status, r.Header.Get("Location"), location, short(r.Body))
			}
			var got map[string]any
			getJSON(t, c, base+location, &got)
			if got["text"] != text || got["url"] != base+location {
				t.Errorf("GET %s = %v", location, got)
			}
		}
		for i := 0; i < max(opt.Reads, 1); i++ {
			var index struct {
				Notes []string `json:"notes"`
			}
			r := Send(t, c, http.MethodGet, base+"/django/", nil, map[string]string{"Connection": "close"})
			if err := json.Unmarshal([]byte(r.Body), &index); err != nil {
				t.Fatalf("GET /django/ = %d %q: %v", r.Status, short(r.Body), err)
			}
			if strings.Join(index.Notes, "|") != strings.Join(texts, "|") {
				t.Fatalf("notes = %q", index.Notes)
			}
		}
	})

	// Django reads no more than CONTENT_LENGTH: a chunked body reads whole
	// only where the host passes its length.
	t.Run("raw body", func(t *testing.T) {
		body := strings.Repeat("0123456789abcdef", 64<<10) // 1 MiB
		want := fmt.Sprintf(`{"length": %d, "sha256": "%s"}`, len(body), digest(body))
		upload := func(name string, r io.Reader) {
			res := Send(t, c, http.MethodPost, base+"/django/upload", r,
				map[string]string{"Content-Type": "application/octet-stream"})
			if res.Status != http.StatusOK || res.Body != want {
				t.Errorf("%s upload = %d %q, want %q", name, res.Status, short(res.Body), want)
			}
		}
		upload("content-length", strings.NewReader(body))
		if opt.Chunked {
			upload("chunked", struct{ io.Reader }{strings.NewReader(body)})
		}
	})

	t.Run("an unknown note is Django's 404", func(t *testing.T) {
		if r := Send(t, c, http.MethodGet, base+"/django/notes/99", nil, nil); r.Status != http.StatusNotFound {
			t.Errorf("GET /django/notes/99 = %d, want Django's 404", r.Status)
		}
	})
}

// ValidatorOptions are what differs between hosts in the validator's checks.
type ValidatorOptions struct {
	// Script is the path of the validated.py served at /v: /v/file sends it.
	Script string
	// Log returns the host's log so far, where Python's stderr lands.
	Log func() string
	// ChunkedLength lets the host give a chunked body's length (nginx
	// reads the body before the application starts).
	ChunkedLength bool
}

// Validator checks the wsgiref-validated app at /v, failing on whatever the validator logs.
func Validator(t *testing.T, base string, opt ValidatorOptions) {
	c := newClient(t)
	source, err := os.ReadFile(opt.Script)
	if err != nil {
		t.Fatal(err)
	}
	small := "name=value&x=1"
	large := strings.Repeat("0123456789abcdef", 64<<10)
	upload := strings.Repeat("chunked upload data\n", 10000)
	uploadRE := fmt.Sprintf(`^%d %s -$`, len(upload), digest(upload))
	if opt.ChunkedLength {
		uploadRE = fmt.Sprintf(`^%d %s (%d|-)$`, len(upload), digest(upload), len(upload))
	}

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
			wantStatus: http.StatusOK, wantBodyRE: uploadRE},
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
			before := len(opt.Log())
			r := Send(t, c, tc.method, base+tc.path, tc.body, tc.header)
			if r.Status != tc.wantStatus {
				t.Errorf("%s %s = %d, want %d; body %q", tc.method, tc.path, r.Status, tc.wantStatus, short(r.Body))
			}
			switch {
			case tc.wantBodyRE != "":
				if !regexp.MustCompile(tc.wantBodyRE).MatchString(r.Body) {
					t.Errorf("body = %q, want it to match %s", short(r.Body), tc.wantBodyRE)
				}
			case r.Body != tc.wantBody:
				t.Errorf("body = %q, want %q", short(r.Body), short(tc.wantBody))
			}
			validatorQuiet(t, opt.Log, before, tc.method+" "+tc.path)
		})
	}

	t.Run("the stream leaves as it is made", func(t *testing.T) {
		before := len(opt.Log())
		arrivals := streamArrivals(t, c, base+"/v/stream")
		if len(arrivals) != 5 {
			t.Fatalf("%d parts, want 5", len(arrivals))
		}
		// The application sleeps 100 ms before each part: had the gateway
		// held the response back, the parts would arrive together.
		if gap := arrivals[4].Sub(arrivals[0]); gap < 200*time.Millisecond {
			t.Errorf("the 5 parts arrived within %v of each other: the response was not streamed", gap)
		}
		validatorQuiet(t, opt.Log, before, "GET /v/stream")
	})

	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(opt.Log(), "validated app: two lines") {
		if time.Now().After(deadline) {
			t.Error("the lines written to wsgi.errors are not in the log")
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// validatorQuiet fails the test if the log, past offset before, has a line
// where the validator failed an assertion, warned, or found an iterator
// never closed. An unclosed iterator is found when Python frees it, just
// after the response: the log is read again a moment later.
func validatorQuiet(t *testing.T, log func() string, before int, request string) {
	t.Helper()
	time.Sleep(50 * time.Millisecond)
	text := log()
	if len(text) < before {
		before = 0
	}
	for _, line := range strings.Split(text[before:], "\n") {
		if strings.Contains(line, "AssertionError") || strings.Contains(line, "VALIDATOR ") ||
			strings.Contains(line, "garbage collected without being closed") {
			t.Errorf("%s: the validator reported: %s", request, strings.TrimSpace(line))
		}
	}
}

// newClient returns a client whose idle connections close with the test;
// redirects are asserted, not followed.
func newClient(t *testing.T) *http.Client {
	transport := &http.Transport{Proxy: nil, DisableCompression: true}
	t.Cleanup(transport.CloseIdleConnections)
	return &http.Client{
		Timeout:       60 * time.Second,
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Reply is one response with its body read whole.
type Reply struct {
	Status int
	Header http.Header
	Body   string
}

// Send makes one request through c with the given headers and reads the whole answer.
func Send(t *testing.T, c *http.Client, method, url string, body io.Reader, header map[string]string) Reply {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return Reply{Status: res.StatusCode, Header: res.Header, Body: string(data)}
}

// getJSON GETs url and decodes its JSON body into v.
func getJSON(t *testing.T, c *http.Client, url string, v any) Reply {
	t.Helper()
	r := Send(t, c, http.MethodGet, url, nil, nil)
	if err := json.Unmarshal([]byte(r.Body), v); err != nil {
		t.Fatalf("GET %s = %d %q: %v", url, r.Status, short(r.Body), err)
	}
	return r
}

// streamArrivals GETs a response of "part N\n" lines, wants it chunked,
// and returns when each line arrived.
func streamArrivals(t *testing.T, c *http.Client, url string) []time.Time {
	t.Helper()
	res, err := c.Get(url)
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

// digest is the hex SHA-256 of s.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// short cuts a long body for a message.
func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}
