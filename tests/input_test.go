package tests

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// inputBody is the request body the wsgi.input tests read.
const inputBody = "line1\nline2\nlast"

var inputCases = []struct {
	query string
	want  string // pieces as apps/input.py frames them
}{
	{"op=read&n=4", "[line][1\nli][ne2\n][last]"},
	{"op=read&n=1000", "[line1\nline2\nlast]"},
	{"op=readall", "[line1\nline2\nlast]"},
	{"op=readline", "[line1\n][line2\n][last]"},
	{"op=readline_n&n=3", "[lin][e1\n][lin][e2\n][las][t]"},
	{"op=readlines", "[line1\n][line2\n][last]"},
	{"op=iter", "[line1\n][line2\n][last]"},
	{"op=getvalue", "[line1\nline2\nlast]"},
}

// chunked encodes body in the given piece sizes, as a client streaming an
// upload of unknown length would.
func chunked(body string, sizes ...int) string {
	var b strings.Builder
	for _, n := range sizes {
		if n > len(body) {
			n = len(body)
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	if body != "" {
		fmt.Fprintf(&b, "%x\r\n%s\r\n", len(body), body)
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

// TestInputReadMethods reads the body with every wsgi.input method, with
// Content-Length and with chunked framing. Each request is followed on the
// same connection, in the same write, by a second request: if the app
// could read past the end of the body, it would eat that request.
func TestInputReadMethods(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/input="+app("input.py"), "/="+app("response.py"))
	framings := []struct {
		name    string
		headers string
		body    string
	}{
		{"content-length", fmt.Sprintf("Content-Length: %d\r\n", len(inputBody)), inputBody},
		{"chunked", "Transfer-Encoding: chunked\r\n", chunked(inputBody, 3, 7, 1)},
	}
	for _, f := range framings {
		for _, tc := range inputCases {
			t.Run(f.name+"/"+tc.query, func(t *testing.T) {
				c := s.dial()
				c.send("POST /input?" + tc.query + " HTTP/1.1\r\nHost: " + s.addr + "\r\n" + f.headers + "\r\n" + f.body +
					rawGet(s, "/?mode=list"))
				r := c.read(http.MethodPost)
				if r.StatusCode != http.StatusOK || r.bodyErr != nil || string(r.body) != tc.want {
					t.Errorf("POST body read via %s = %d %q (body error %v), want 200 %q",
						tc.query, r.StatusCode, clip(r.body), r.bodyErr, tc.want)
				}
				c.readOK(http.MethodGet, "hello world")
			})
		}
	}
}

// TestInputEmptyBody checks that reads on a request without a body return
// b"" at once instead of blocking.
func TestInputEmptyBody(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("input.py"))
	for _, q := range []string{"op=readall", "op=read&n=10", "op=readline", "op=readlines", "op=iter"} {
		want := ""
		if q == "op=readall" {
			want = "[]"
		}
		status, _, body := s.do(http.MethodPost, "/?"+q, strings.NewReader(""), nil)
		if status != http.StatusOK || string(body) != want {
			t.Errorf("POST /?%s with an empty body = %d %q, want 200 %q", q, status, clip(body), want)
		}
	}
}

// TestInputReadLoopTruthiness reads wsgi.input the way frameworks do,
// stopping at the first read that is false ("if not chunk: break"). An
// empty bytes object must be false, or the loop never ends on its own.
func TestInputReadLoopTruthiness(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("input.py"))
	status, _, body := s.do(http.MethodPost, "/?op=truthiness&n=4", strings.NewReader(inputBody), nil)
	want := "[line][1\nli][ne2\n][last]"
	if status != http.StatusOK || string(body) != want {
		t.Errorf("read loop ending on `if not chunk` = %d %q, want 200 %q", status, clip(body), want)
	}
}
