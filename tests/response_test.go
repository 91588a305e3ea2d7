package tests

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestResponseIterables(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/callobj="+app("response.py")+":callobj", "/="+app("response.py"))
	cases := []struct {
		name   string
		path   string
		status int
		body   string
		header [2]string // a header the response must carry, if set
	}{
		{"list", "/?mode=list", 200, "hello world", [2]string{}},
		{"generator", "/?mode=gen", 200, "alpha-beta-gamma", [2]string{}},
		{"class with __iter__", "/?mode=iterclass", 200, "class-iter", [2]string{}},
		{"instance with __call__", "/callobj", 200, "called-instance", [2]string{}},
		{"empty chunks first", "/?mode=emptyfirst", 200, "data-after-empty", [2]string{}},
		{"start_response inside the generator", "/?mode=lazystart", 200, "started-inside-iterator", [2]string{"X-Lazy", "yes"}},
		{"status replaced after an empty chunk", "/?mode=statuschange", 503, "status-changed", [2]string{"X-Changed", "yes"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, header, body := s.get(tc.path)
			if status != tc.status || string(body) != tc.body {
				t.Errorf("GET %s = %d %q, want %d %q", tc.path, status, clip(body), tc.status, tc.body)
			}
			if tc.header[0] != "" && header.Get(tc.header[0]) != tc.header[1] {
				t.Errorf("%s = %q, want %q", tc.header[0], header.Get(tc.header[0]), tc.header[1])
			}
		})
	}
}

// TestResponseNeverExceedsContentLength: the app declares 5 bytes and
// yields 10; exactly 5 may reach the wire.
func TestResponseNeverExceedsContentLength(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	for _, mode := range []string{"cl_over_one", "cl_over_two"} {
		t.Run(mode, func(t *testing.T) {
			head, body := s.rawExchange(rawGet(s, "/?mode="+mode, "Connection: close"))
			if code := statusOf(t, head); code != http.StatusOK {
				t.Fatalf("status = %d, want 200", code)
			}
			if cl, _ := hasHeaderLine(head, "Content-Length"); cl != "5" {
				t.Errorf("Content-Length = %q, want 5", cl)
			}
			if string(body) != "01234" {
				t.Errorf("bytes after the head = %q, want exactly %q", body, "01234")
			}
		})
	}
}

// TestResponseHeadHasNoBody: a HEAD answer carries no body; the GET sent
// next on the same connection must parse cleanly.
func TestResponseHeadHasNoBody(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	for _, mode := range []string{"list", "gen"} {
		t.Run(mode, func(t *testing.T) {
			c := s.dial()
			c.send(rawRequest(s, http.MethodHead, "/?mode="+mode, "HTTP/1.1"))
			r := c.read(http.MethodHead)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("HEAD status = %d", r.StatusCode)
			}
			c.send(rawGet(s, "/?mode=list"))
			c.readOK(http.MethodGet, "hello world")
		})
	}
}

// TestResponseChunkedWhenLengthUnknown: HTTP/1.1 without Content-Length
// must be chunked; the stream must decode to the app's bytes and leave the
// connection usable.
func TestResponseChunkedWhenLengthUnknown(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	c := s.dial()
	c.send(rawGet(s, "/?mode=gen"))
	r := c.readOK(http.MethodGet, "alpha-beta-gamma")
	if len(r.TransferEncoding) != 1 || r.TransferEncoding[0] != "chunked" {
		t.Errorf("Transfer-Encoding = %v, want [chunked]", r.TransferEncoding)
	}
	c.send(rawGet(s, "/?mode=list"))
	c.readOK(http.MethodGet, "hello world")
}

// TestResponseHTTP10CloseDelimited: an HTTP/1.0 client cannot take chunked
// encoding, so a body of unknown length ends with the connection.
func TestResponseHTTP10CloseDelimited(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	head, body := s.rawExchange(rawRequest(s, http.MethodGet, "/?mode=gen", "HTTP/1.0"))
	if code := statusOf(t, head); code != http.StatusOK {
		t.Fatalf("status = %d", code)
	}
	if te, ok := hasHeaderLine(head, "Transfer-Encoding"); ok {
		t.Errorf("Transfer-Encoding %q sent to an HTTP/1.0 client", te)
	}
	if string(body) != "alpha-beta-gamma" {
		t.Errorf("body = %q, want %q", clip(body), "alpha-beta-gamma")
	}
}

// TestResponseStreamsEachChunk: a chunk the app yields must reach the
// client while the app is still running (PEP 3333 forbids holding it back).
// The app waits for a gate file the test creates only after it has read
// the first chunk.
func TestResponseStreamsEachChunk(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	gate := queryPath(t, filepath.Join(t.TempDir(), "gate"))
	openGate := func() {
		if err := os.WriteFile(gate, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type firstChunk struct {
		resp *http.Response
		data []byte
		err  error
	}
	got := make(chan firstChunk, 1)
	go func() {
		resp, err := s.client.Get(s.url("/?mode=gate&path=" + gate))
		if err != nil {
			got <- firstChunk{err: err}
			return
		}
		data := make([]byte, len("before-gate;"))
		_, err = io.ReadFull(resp.Body, data)
		got <- firstChunk{resp: resp, data: data, err: err}
	}()
	var first firstChunk
	select {
	case first = <-got:
	case <-time.After(5 * time.Second):
		openGate() // let the app finish before the server is stopped
		t.Fatalf("no headers and first chunk within 5s while the app waits: the server holds back yielded data")
	}
	if first.err != nil || string(first.data) != "before-gate;" {
		openGate()
		t.Fatalf("first chunk = %q, %v; want %q", first.data, first.err, "before-gate;")
	}
	defer first.resp.Body.Close()
	openGate()
	rest, err := io.ReadAll(first.resp.Body)
	if err != nil || string(rest) != "after-gate" {
		t.Errorf("rest of the body = %q, %v; want %q", rest, err, "after-gate")
	}
}

func TestResponseFileWrapper(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	data := make([]byte, 1<<20+12345)
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	path := queryPath(t, filepath.Join(t.TempDir(), "payload.bin"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	status, _, body := s.get("/?mode=filewrapper&path=" + path)
	if status != http.StatusOK {
		t.Fatalf("status = %d: %q", status, clip(body))
	}
	if !bytes.Equal(body, data) {
		t.Errorf("file_wrapper body differs from the file: got %d bytes, want %d", len(body), len(data))
	}
}

// bigBody is what response.py's "big" mode yields: chunk i is "%08d" of i
// followed by 8191 copies of "gowsgi!\n", 64 KiB each.
func bigBody(chunks int) []byte {
	base := strings.Repeat("gowsgi!\n", 8191)
	var b bytes.Buffer
	for i := 0; i < chunks; i++ {
		fmt.Fprintf(&b, "%08d%s", i, base)
	}
	return b.Bytes()
}

func TestResponseLargeStream(t *testing.T) {
	t.Parallel()
	s := startServer(t, app("response.py"))
	const chunks = 160 // 10 MiB
	want := sha256.Sum256(bigBody(chunks))
	resp, err := s.client.Get(s.url(fmt.Sprintf("/?mode=big&chunks=%d", chunks)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	h := sha256.New()
	n, err := io.Copy(h, resp.Body)
	if err != nil {
		t.Fatalf("reading the stream after %d bytes: %v", n, err)
	}
	if n != chunks*65536 {
		t.Errorf("received %d bytes, want %d", n, chunks*65536)
	}
	if got := h.Sum(nil); !bytes.Equal(got, want[:]) {
		t.Errorf("sha256 = %s, want %s", hex.EncodeToString(got), hex.EncodeToString(want[:]))
	}
}

// TestKeepAlive sends several requests, with and without bodies, on one
// connection.
func TestKeepAlive(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/input="+app("input.py"), "/="+app("response.py"))
	c := s.dial()
	for i := 0; i < 5; i++ {
		c.send(rawGet(s, "/?mode=list"))
		if r := c.readOK(http.MethodGet, "hello world"); r.Close {
			t.Fatalf("request %d: server asked to close a keep-alive connection", i)
		}
		body := fmt.Sprintf("body-%d", i)
		c.send(fmt.Sprintf("POST /input?op=readall HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n%s", s.addr, len(body), body))
		c.readOK(http.MethodPost, "["+body+"]")
		c.send(rawGet(s, "/?mode=gen"))
		c.readOK(http.MethodGet, "alpha-beta-gamma")
	}
}
