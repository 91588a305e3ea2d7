package nginx

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Clients that go away at every stage (mid-upload, before the answer,
// mid-stream) among ordinary ones: no worker may crash or leak a request,
// and the server answers normally afterwards.
func TestClientsLeavingAtEveryStage(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        client_max_body_size 64m;
        location / {
            wsgi_script_alias / {{apps}}/hello.py;
        }
        location /echo {
            wsgi_script_alias /echo {{apps}}/echo.py;
        }
        location /stream {
            wsgi_script_alias /stream {{apps}}/stream.py;
        }
        location /life {
            wsgi_script_alias /life {{apps}}/lifecycle.py;
        }
    }`)
	before := s.workers()
	markers := t.TempDir()
	deadline := time.Now().Add(3 * time.Second)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			for n := 0; time.Now().Before(deadline); n++ {
				leave(s, r, filepath.Join(markers, fmt.Sprintf("%d-%d", i, n)))
			}
		}()
	}
	wg.Wait()
	// Every abandoned slow response was cancelled and closed.
	settle := time.Now().Add(45 * time.Second) // generous: a loaded machine notices departures late
	for {
		entries, err := os.ReadDir(markers)
		if err != nil {
			t.Fatal(err)
		}
		open := 0
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(markers, e.Name()))
			if !strings.Contains(string(b), "closed") {
				open++
			}
		}
		if open == 0 {
			t.Logf("%d slow responses abandoned and closed", len(entries))
			break
		}
		if time.Now().After(settle) {
			t.Fatalf("%d of %d abandoned slow responses were not closed", open, len(entries))
		}
		time.Sleep(50 * time.Millisecond)
	}
	for i := 0; i < 20; i++ {
		wantStatus(t, get(t, s.url("/")), http.StatusOK)
	}
	if after := s.workers(); !slices.Equal(before, after) {
		t.Fatalf("workers were %v, are %v", before, after)
	}
}

// leave sends one request over a raw connection and drops the connection
// at a random point.
func leave(s *server, r *rand.Rand, marker string) {
	c, err := net.DialTimeout("tcp", s.addr(), 5*time.Second)
	if err != nil {
		return
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	switch r.IntN(5) {
	case 0: // half an upload
		fmt.Fprintf(c, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4000000\r\n\r\n")
		_, _ = c.Write(bytes.Repeat([]byte("u"), r.IntN(3000000)))
	case 1: // a whole upload, the answer left unread
		fmt.Fprintf(c, "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n")
		_, _ = c.Write(bytes.Repeat([]byte("w"), 1000000))
		_, _ = io.ReadFull(c, make([]byte, r.IntN(200000)))
	case 2: // part of a stream
		fmt.Fprintf(c, "GET /stream?size=8000000&chunk=%d HTTP/1.1\r\nHost: t\r\n\r\n", 1000+r.IntN(70000))
		_, _ = io.ReadFull(c, make([]byte, r.IntN(500000)))
	case 3: // a slow response abandoned
		fmt.Fprintf(c, "GET /life?mode=drip&marker=%s HTTP/1.1\r\nHost: t\r\n\r\n", marker)
		_, _ = io.ReadFull(c, make([]byte, r.IntN(50000)))
	default: // an ordinary request
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
		_, _ = io.ReadAll(c)
	}
}
