package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/config"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

func TestStaticMountMatch(t *testing.T) {
	tests := []struct {
		uri, path string
		wantRest  string
		wantOK    bool
	}{
		{"/static", "/static", "", true},
		{"/static", "/static/", "/", true},
		{"/static", "/static/css/a.css", "/css/a.css", true},
		{"/static", "/staticx", "", false},
		{"/static", "/stati", "", false},
		{"/static/", "/static/x", "/x", true},
		{"/static/", "/staticx", "", false},
		{"/", "/anything", "/anything", true},
		{"/", "*", "", false},
	}
	for _, tt := range tests {
		m := newStaticMounts([]config.Alias{{URI: tt.uri, Dir: "/srv"}})[0]
		rest, ok := m.match(tt.path)
		if ok != tt.wantOK || rest != tt.wantRest {
			t.Errorf("alias %s, path %s: got %q, %v; want %q, %v", tt.uri, tt.path, rest, ok, tt.wantRest, tt.wantOK)
		}
	}
}

func TestFindStaticPrefersLongestPrefix(t *testing.T) {
	mounts := newStaticMounts([]config.Alias{
		{URI: "/static", Dir: "/a"},
		{URI: "/static/img", Dir: "/b"},
	})
	m, rest, ok := findStatic(mounts, "/static/img/x.png")
	if !ok || m.dir != "/b" || rest != "/x.png" {
		t.Errorf("got %+v, %q, %v; want /b, /x.png", m, rest, ok)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStaticAliases(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "static", "hello.txt"), "hi")
	writeFile(t, filepath.Join(root, "static", "sub", "index.html"), "<p>sub</p>")
	writeFile(t, filepath.Join(root, "static", "empty", "keep.txt"), "k")
	writeFile(t, filepath.Join(root, "img", "logo.svg"), "<svg/>")
	writeFile(t, filepath.Join(root, "secret.txt"), "secret")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(root, "static", "escape.txt")); err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Aliases: []config.Alias{
		{URI: "/static", Dir: filepath.Join(root, "static")},
		{URI: "/static/img", Dir: filepath.Join(root, "img")},
	}}
	fake := newFake(func(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		return respond(http.StatusOK, "wsgi:"+req.Path)(ctx, req, w)
	})
	s := newTestServer(t, cfg, Options{}, fake)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	tests := []struct {
		method, path string
		wantStatus   int
		wantBody     string
		wantLocation string
	}{
		{"GET", "/static/hello.txt", 200, "hi", ""},
		{"HEAD", "/static/hello.txt", 200, "", ""},
		{"GET", "/staticx", 200, "wsgi:/staticx", ""},
		{"GET", "/app/static/hello.txt", 200, "wsgi:/app/static/hello.txt", ""},
		{"GET", "/static", 301, "", "/static/"},
		{"GET", "/static/sub/", 200, "<p>sub</p>", ""},
		{"GET", "/static/sub", 301, "", "sub/"},
		{"GET", "/static/", 404, "", ""},
		{"GET", "/static/empty/", 404, "", ""},
		{"GET", "/static/missing.txt", 404, "", ""},
		{"GET", "/static/escape.txt", 404, "", ""},
		{"GET", "/static/img/logo.svg", 200, "<svg/>", ""},
		{"GET", "/static/hello.txt/x", 404, "", ""},
		{"GET", "/static/../secret.txt", 404, "", ""},
		{"POST", "/static/hello.txt", 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, ts.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("request: %v", err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d (body %q)", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantBody != "" && string(body) != tt.wantBody {
				t.Errorf("body = %q, want %q", body, tt.wantBody)
			}
			if loc := resp.Header.Get("Location"); loc != tt.wantLocation {
				t.Errorf("Location = %q, want %q", loc, tt.wantLocation)
			}
		})
	}
}

// TestSlowDownloadOutlivesWriteTimeout reads a large static file slower
// than the write timeout allows for the whole of it: only each write is
// bounded.
func TestSlowDownloadOutlivesWriteTimeout(t *testing.T) {
	const size = 16 << 20
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "big.bin"), strings.Repeat("x", size))
	cfg := &config.Config{Aliases: []config.Alias{{URI: "/files", Dir: root}}}
	// Each write may take up to the timeout; the whole download takes over
	// twice as long (64 reads, 20 ms apart), with room left for a loaded
	// machine to stall a single write.
	s := newTestServer(t, cfg, Options{WriteTimeout: 500 * time.Millisecond}, newFake(respond(http.StatusOK, "")))
	ts := httptest.NewServer(s)
	defer ts.Close()

	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.(*net.TCPConn).SetReadBuffer(64 << 10); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(conn, "GET /files/big.bin HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var got int64
	buf := make([]byte, 256<<10)
	for {
		n, err := io.ReadFull(conn, buf)
		got += int64(n)
		if err != nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if elapsed := time.Since(start); elapsed < time.Second {
		t.Logf("download took only %v; the test did not outlast the timeout", elapsed)
	}
	if got < size {
		t.Fatalf("received %d bytes, want the whole %d-byte file and its headers", got, size)
	}
}
