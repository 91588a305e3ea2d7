package apache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// coreSite mounts the test applications the way a mod_wsgi user would.
const coreSite = `
SetEnv GOWSGI_TEST_VAR from-setenv
WSGIScriptAlias /hello {{apps}}/hello.py
WSGIScriptAlias /env {{apps}}/environ.py
WSGIScriptAlias /echo {{apps}}/echo.py
WSGIScriptAlias /stream {{apps}}/stream.py
WSGIScriptAlias /life {{apps}}/lifecycle.py
WSGIScriptAlias /named {{apps}}/named.py
WSGIScriptAlias /reload {{data}}/reload.py
WSGIScriptAliasMatch ^/match/([a-z]+) {{apps}}/$1.py
<Location /env/https>
    SetEnv HTTPS on
</Location>
`

// TestCore runs the essentials under both MPMs Debian ships with
// mod_gowsgi in mind: event (threads) and prefork (processes).
func TestCore(t *testing.T) {
	cases := []struct {
		name string
		fn   func(*testing.T, *server)
	}{
		{"hello", testHello},
		{"environ", testEnviron},
		{"https_variable", testHTTPSVariable},
		{"underscore_header_dropped", testUnderscoreHeader},
		{"write", testWrite},
		{"close_at_end", testCloseAtEnd},
		{"close_on_disconnect", testCloseOnDisconnect},
		{"exc_info", testExcInfo},
		{"bad_status", testBadStatus},
		{"crlf_header", testCRLFHeader},
		{"exception_then_next", testExceptionThenNext},
		{"cut_after_body", testCutAfterBody},
		{"stream_10mb", testStream},
		{"upload_50mb_length", func(t *testing.T, s *server) { testUpload(t, s, false) }},
		{"upload_50mb_chunked", func(t *testing.T, s *server) { testUpload(t, s, true) }},
		{"head", testHead},
		{"keep_alive", testKeepAlive},
		{"mount_boundaries", testMountBoundaries},
		{"script_reload", testReload},
	}
	for _, mpm := range []string{"event", "prefork"} {
		t.Run(mpm, func(t *testing.T) {
			s := prepare(t, site{mpm: mpm, body: coreSite}, "")
			writeReloadScript(t, s.data, "v1", time.Now().Add(-time.Hour))
			startPrepared(t, s)
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) { c.fn(t, s) })
			}
		})
	}
}

func testHello(t *testing.T, s *server) {
	resp, body := get(t, s.url("/hello"))
	if resp.StatusCode != 200 || body != "Hello, world!\n" {
		t.Fatalf("got %d %q, want 200 \"Hello, world!\\n\"", resp.StatusCode, body)
	}
	if resp.Header.Get("Content-Length") != "14" || resp.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("headers %v, want the app's Content-Length 14 and Content-Type text/plain", resp.Header)
	}
}

func testEnviron(t *testing.T, s *server) {
	c := dial(t, s.addr())
	local := c.c.LocalAddr().String()
	c.send("GET /env/a%20b/c?x=1&y=%2F HTTP/1.1\r\nHost: example.test:" + strconv.Itoa(s.port) +
		"\r\nX-Demo: yes\r\nConnection: close\r\n\r\n")
	resp, body, err := c.read("GET")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v %v", resp.Status, err)
	}
	e := environ(string(body))
	_, clientPort, _ := strings.Cut(local, ":")
	want := map[string]string{
		"REQUEST_METHOD":    "GET",
		"SCRIPT_NAME":       "/env",
		"PATH_INFO":         "/a b/c",
		"QUERY_STRING":      "x=1&y=%2F",
		"REQUEST_URI":       "/env/a%20b/c?x=1&y=%2F",
		"SERVER_NAME":       "example.test",
		"SERVER_PORT":       strconv.Itoa(s.port),
		"SERVER_PROTOCOL":   "HTTP/1.1",
		"REMOTE_ADDR":       "127.0.0.1",
		"REMOTE_PORT":       clientPort,
		"HTTP_HOST":         "example.test:" + strconv.Itoa(s.port),
		"HTTP_X_DEMO":       "yes",
		"SCRIPT_FILENAME":   filepath.Join(env.apps, "environ.py"),
		"GATEWAY_INTERFACE": "CGI/1.1",
		"GOWSGI_TEST_VAR":   "from-setenv",
		"DOCUMENT_ROOT":     filepath.Join(s.dir, "htdocs"),
		"REQUEST_SCHEME":    "http",
		"wsgi.url_scheme":   "http",
		"wsgi.multiprocess": "True",
	}
	for k, v := range want {
		if e[k] != v {
			t.Errorf("%s = %q, want %q", k, e[k], v)
		}
	}
	if !strings.HasPrefix(e["SERVER_SOFTWARE"], "Apache/2.4") {
		t.Errorf("SERVER_SOFTWARE = %q, want Apache's banner", e["SERVER_SOFTWARE"])
	}
	for _, k := range []string{"HTTPS", "HTTP_AUTHORIZATION", "REMOTE_USER", "PATH", "CONTENT_LENGTH"} {
		if v, ok := e[k]; ok {
			t.Errorf("%s = %q is in the environ, want it absent", k, v)
		}
	}
}

func testHTTPSVariable(t *testing.T, s *server) {
	_, body := get(t, s.url("/env/https"))
	e := environ(body)
	if e["HTTPS"] != "on" || e["wsgi.url_scheme"] != "https" {
		t.Errorf("with SetEnv HTTPS on: HTTPS=%q url_scheme=%q, want on and https", e["HTTPS"], e["wsgi.url_scheme"])
	}
}

func testUnderscoreHeader(t *testing.T, s *server) {
	c := dial(t, s.addr())
	c.send("GET /env HTTP/1.1\r\nHost: localhost\r\nX_Forwarded_User: mallory\r\nX-Real: one\r\nX_Real: two\r\nConnection: close\r\n\r\n")
	_, body, _ := c.read("GET")
	e := environ(string(body))
	if v, ok := e["HTTP_X_FORWARDED_USER"]; ok {
		t.Errorf("X_Forwarded_User reached the app as HTTP_X_FORWARDED_USER=%q", v)
	}
	if e["HTTP_X_REAL"] != "one" {
		t.Errorf("HTTP_X_REAL = %q, want only the dashed header's \"one\"", e["HTTP_X_REAL"])
	}
}

func testWrite(t *testing.T, s *server) {
	resp, body := get(t, s.url("/life?mode=write"))
	if resp.StatusCode != 200 || body != "written;returned" {
		t.Errorf("got %d %q, want 200 \"written;returned\"", resp.StatusCode, body)
	}
}

func testCloseAtEnd(t *testing.T, s *server) {
	marker := filepath.Join(s.data, "close-at-end-"+t.Name()[:4]+strconv.FormatInt(time.Now().UnixNano(), 36))
	resp, body := get(t, s.url("/life?mode=closing&marker="+marker))
	if resp.StatusCode != 200 || body != "one;two" {
		t.Fatalf("got %d %q, want 200 \"one;two\"", resp.StatusCode, body)
	}
	if !waitFor(5*time.Second, fileHas(marker, "closed")) {
		t.Errorf("close() did not run after a complete response")
	}
	b, _ := os.ReadFile(marker)
	if strings.Count(string(b), "closed") != 1 {
		t.Errorf("marker %q: want close() exactly once", b)
	}
}

func testCloseOnDisconnect(t *testing.T, s *server) {
	marker := filepath.Join(s.data, "disconnect-"+strconv.FormatInt(time.Now().UnixNano(), 36))
	c := dial(t, s.addr())
	c.send("GET /life?mode=drip&marker=" + marker + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
	resp, err := http.ReadResponse(c.r, &http.Request{Method: "GET"})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v, %v", resp, err)
	}
	if _, err := io.ReadFull(resp.Body, make([]byte, 32<<10)); err != nil {
		t.Fatalf("reading the start of the stream: %v", err)
	}
	c.c.Close()
	if !waitFor(10*time.Second, fileHas(marker, "closed")) {
		b, _ := os.ReadFile(marker)
		t.Fatalf("close() did not run within 10s of the client going away (marker %q)", b)
	}
}

func testExcInfo(t *testing.T, s *server) {
	resp, body := get(t, s.url("/life?mode=excinfo"))
	if resp.StatusCode != 500 || body != "app-chose-500" {
		t.Errorf("got %d %q, want the app's own 500 \"app-chose-500\"", resp.StatusCode, body)
	}
	if resp.Header.Get("X-Chosen") != "app" || resp.Header.Get("X-First") != "" {
		t.Errorf("headers %v: want those of the exc_info call only", resp.Header)
	}
}

func testBadStatus(t *testing.T, s *server) {
	resp, body := get(t, s.url("/life?mode=badstatus"))
	if resp.StatusCode != 500 || strings.Contains(body, "accepted") {
		t.Errorf("got %d %q, want a 500 without the app's body", resp.StatusCode, body)
	}
}

func testCRLFHeader(t *testing.T, s *server) {
	c := dial(t, s.addr())
	c.send("GET /life?mode=crlf HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	raw, _ := io.ReadAll(c.r)
	if !bytes.HasPrefix(raw, []byte("HTTP/1.1 500 ")) {
		t.Errorf("response starts %q, want a 500", raw[:min(len(raw), 40)])
	}
	if bytes.Contains(raw, []byte("evil")) || bytes.Contains(raw, []byte("accepted")) {
		t.Errorf("the injected header or the app's body went out:\n%s", raw)
	}
}

func testExceptionThenNext(t *testing.T, s *server) {
	resp, body := get(t, s.url("/life?mode=error"))
	if resp.StatusCode != 500 || strings.Contains(body, "lifecycle test error") {
		t.Errorf("got %d %q, want a 500 that does not show the exception", resp.StatusCode, body)
	}
	for i := 0; i < 4; i++ {
		if resp, body := get(t, s.url("/hello")); resp.StatusCode != 200 {
			t.Fatalf("after the exception: %d %q", resp.StatusCode, body)
		}
		if resp, body := get(t, s.url("/life?mode=write")); body != "written;returned" {
			t.Fatalf("the failing app after its exception: %d %q", resp.StatusCode, body)
		}
	}
}

// A failure after the body began must reach the client as a broken
// response, chunked or with a length, and the connection must not be
// reused.
func testCutAfterBody(t *testing.T, s *server) {
	for _, mode := range []string{"cut", "cutlength"} {
		c := dial(t, s.addr())
		c.send("GET /life?mode=" + mode + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
		resp, body, err := c.read("GET")
		if resp.StatusCode != 200 || err == nil {
			t.Errorf("%s: got %d %q with %v, want 200 and a truncated body", mode, resp.StatusCode, body, err)
			continue
		}
		if !strings.HasPrefix(string(body), "first part;") {
			t.Errorf("%s: body %q, want what was sent before the error", mode, body)
		}
		c.c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if n, err := c.r.Read(make([]byte, 1)); err == nil || n > 0 {
			t.Errorf("%s: the connection stayed open after a cut response", mode)
		}
	}
}

func testStream(t *testing.T, s *server) {
	const size = 10 << 20
	resp, err := client().Get(s.url("/stream?size=" + strconv.Itoa(size)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.ContentLength != -1 {
		t.Errorf("Content-Length %d, want a streamed (chunked) response", resp.ContentLength)
	}
	got := 0
	buf := make([]byte, 65536)
	for chunk := 0; ; chunk++ {
		n, err := io.ReadFull(resp.Body, buf)
		for i := 0; i < n; i++ {
			if buf[i] != byte(chunk%251) {
				t.Fatalf("byte %d is %d, want %d", got+i, buf[i], chunk%251)
			}
		}
		got += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes: %v", got, err)
		}
	}
	if got != size {
		t.Errorf("got %d bytes, want %d", got, size)
	}
}

func testUpload(t *testing.T, s *server, chunked bool) {
	const size = 50 << 20
	data := make([]byte, size)
	rand.New(rand.NewSource(int64(size))).Read(data)
	var body io.Reader = bytes.NewReader(data)
	if chunked {
		// Without a known length the client sends the body chunked.
		body = io.MultiReader(body)
	}
	req, err := http.NewRequest("POST", s.url("/echo"), body)
	if err != nil {
		t.Fatal(err)
	}
	if chunked {
		req.ContentLength = -1
	}
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	h := sha256.New()
	n, err := io.Copy(h, resp.Body)
	if err != nil {
		t.Fatalf("after %d bytes: %v", n, err)
	}
	if resp.StatusCode != 200 || n != size {
		t.Fatalf("got %d with %d bytes, want 200 with %d", resp.StatusCode, n, size)
	}
	if want := sha256.Sum256(data); !bytes.Equal(h.Sum(nil), want[:]) {
		t.Errorf("the echoed body differs from the upload")
	}
	if !chunked && resp.ContentLength != size {
		t.Errorf("Content-Length %d, want the app's %d", resp.ContentLength, size)
	}
}

// HEAD gets the headers a GET would and no body: a GET right after it on
// the same connection parses cleanly.
func testHead(t *testing.T, s *server) {
	c := dial(t, s.addr())
	c.send("HEAD /hello HTTP/1.1\r\nHost: localhost\r\n\r\nGET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n")
	resp, body, err := c.read("HEAD")
	if err != nil || resp.StatusCode != 200 || len(body) != 0 {
		t.Fatalf("HEAD: %v %q %v", resp.Status, body, err)
	}
	if resp.Header.Get("Content-Length") != "14" {
		t.Errorf("HEAD Content-Length %q, want the GET's 14", resp.Header.Get("Content-Length"))
	}
	resp, body, err = c.read("GET")
	if err != nil || resp.StatusCode != 200 || string(body) != "Hello, world!\n" {
		t.Errorf("GET after HEAD: %v %q %v", resp.Status, body, err)
	}
}

func testKeepAlive(t *testing.T, s *server) {
	c := dial(t, s.addr())
	paths := []string{"/hello", "/env", "/stream?size=100000", "/life?mode=write", "/hello"}
	for _, p := range paths {
		c.send("GET " + p + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
		resp, _, err := c.read("GET")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %v %v", p, resp.Status, err)
		}
		if resp.Close {
			t.Fatalf("%s: the server closed a keep-alive connection", p)
		}
	}
}

func testMountBoundaries(t *testing.T, s *server) {
	cases := []struct{ path, want string }{
		{"/named", "application /named \n"},
		{"/named/", "application /named /\n"},
		{"/named/x/y", "application /named /x/y\n"},
		{"/match/named/z", "application /match/named /z\n"},
	}
	for _, c := range cases {
		resp, body := get(t, s.url(c.path))
		if resp.StatusCode != 200 || body != c.want {
			t.Errorf("%s: got %d %q, want %q", c.path, resp.StatusCode, body, c.want)
		}
	}
	for _, p := range []string{"/namedx", "/named.py", "/match/HELLO", "/match/"} {
		if resp, body := get(t, s.url(p)); resp.StatusCode != 404 {
			t.Errorf("%s: got %d %q, want Apache's 404", p, resp.StatusCode, body)
		}
	}
}

func writeReloadScript(t *testing.T, dir, version string, mtime time.Time) {
	t.Helper()
	script := filepath.Join(dir, "reload.py")
	src := fmt.Sprintf(`def application(environ, start_response):
    body = b"%s"
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]
`, version)
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(script, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func testReload(t *testing.T, s *server) {
	if _, body := get(t, s.url("/reload")); body != "v1" {
		t.Fatalf("before the change: %q, want v1", body)
	}
	writeReloadScript(t, s.data, "v2", time.Now())
	// Each child looks at the script at most once a second
	// (dispatch.DefaultScriptCheck): within a few seconds, twenty answers
	// in a row, spread over the children, must all be the new version.
	deadline := time.Now().Add(5 * time.Second)
	for inARow := 0; inARow < 20; {
		_, body := get(t, s.url("/reload"))
		switch {
		case body == "v2":
			inARow++
		case body != "v1":
			t.Fatalf("after the change: %q, want v1 or v2", body)
		case time.Now().After(deadline):
			t.Fatalf("a child still serves v1 5s after the change")
		default:
			inARow = 0
			time.Sleep(50 * time.Millisecond)
		}
	}
}
