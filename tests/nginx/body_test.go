package nginx

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// bodyConf's timeouts are shorter than the client's 60 s, so that if a
// transfer ever stalls the error log says whether nginx was waiting on the
// client ("client timed out") or on the application (nothing).
const bodyConf = `
    server {
        listen 127.0.0.1:{{port}};
        client_max_body_size 64m;
        client_body_timeout 20s;
        send_timeout 20s;
        location /echo {
            wsgi_script_alias /echo {{apps}}/echo.py;
        }
        location /stream {
            wsgi_script_alias /stream {{apps}}/stream.py;
        }
        location /small {
            client_max_body_size 1m;
            wsgi_script_alias /small {{apps}}/echo.py;
        }
    }`

// randomBytes is n reproducible pseudo-random bytes.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed+1))
	b := make([]byte, n)
	for i := 0; i+8 <= n; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return b
}

// pattern is what stream.py sends: the hex digits over and over, restarted
// at each chunk.
func pattern(size, chunk int) []byte {
	block := bytes.Repeat([]byte("0123456789abcdef"), chunk/16+1)[:chunk]
	out := bytes.Repeat(block, size/chunk)
	return append(out, block[:size%chunk]...)
}

// onlyReader hides a body's length, so the client sends it chunked.
type onlyReader struct{ io.Reader }

func TestUploadsEchoByteExact(t *testing.T) {
	s := startNginx(t, bodyConf)
	body := randomBytes(50<<20, 1)
	for _, tc := range []struct {
		name string
		body io.Reader
	}{
		{"content-length", bytes.NewReader(body)},
		{"chunked", onlyReader{bytes.NewReader(body)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, s.url("/echo"), tc.body)
			if err != nil {
				t.Fatal(err)
			}
			r, err := try(req)
			if err != nil {
				t.Fatalf("%v\nerror log:\n%s", err, harness.Tail(s.errorLog(), 30))
			}
			wantStatus(t, r, http.StatusOK)
			if !bytes.Equal(r.body, body) {
				t.Fatalf("echo of %d bytes came back as %d different bytes", len(body), len(r.body))
			}
			if got := r.header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length %q, want %d", got, len(body))
			}
		})
	}
}

func TestBodyOverTheLimitIs413(t *testing.T) {
	s := startNginx(t, bodyConf)
	req, err := http.NewRequest(http.MethodPost, s.url("/small"), bytes.NewReader(make([]byte, 2<<20)))
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, do(t, req), http.StatusRequestEntityTooLarge)
}

func TestStreamByteExact(t *testing.T) {
	s := startNginx(t, bodyConf)
	const size = 10 << 20
	r := get(t, s.url("/stream?size="+strconv.Itoa(size)+"&chunk=65536"))
	wantStatus(t, r, http.StatusOK)
	if !bytes.Equal(r.body, pattern(size, 65536)) {
		t.Fatalf("stream of %d bytes came back as %d different bytes", size, len(r.body))
	}
	// Odd chunk sizes cross the module's buffer boundaries.
	r = get(t, s.url("/stream?size=3000001&chunk=7777"))
	wantStatus(t, r, http.StatusOK)
	if !bytes.Equal(r.body, pattern(3000001, 7777)) {
		t.Fatalf("stream of 3000001 bytes came back as %d different bytes", len(r.body))
	}
}

// A client that reads slowly through a small socket buffer makes nginx
// wait for the socket; the stream must still arrive whole.
func TestSlowReaderGetsTheWholeStream(t *testing.T) {
	s := startNginx(t, bodyConf)
	const size = 4 << 20
	dialer := &net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var err error
		_ = c.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 8<<10)
		})
		return err
	}}
	slow := &http.Client{Transport: &http.Transport{Proxy: nil, DialContext: dialer.DialContext}, Timeout: time.Minute}
	res, err := slow.Get(s.url("/stream?size=" + strconv.Itoa(size) + "&chunk=65536"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var got bytes.Buffer
	buf := make([]byte, 32<<10)
	for {
		n, err := res.Body.Read(buf)
		got.Write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes: %v", got.Len(), err)
		}
		time.Sleep(time.Millisecond)
	}
	if !bytes.Equal(got.Bytes(), pattern(size, 65536)) {
		t.Fatalf("slow read of %d bytes came back as %d different bytes", size, got.Len())
	}
}

// Many requests at once, each with a body, through both workers.
func TestConcurrentEchoes(t *testing.T) {
	s := startNginx(t, bodyConf)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	errs := make(chan string, 32)
	for i := 0; i < 32; i++ {
		go func() {
			body := randomBytes(100_000+i*4099, uint64(i))
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url("/echo"), bytes.NewReader(body))
			if err != nil {
				errs <- err.Error()
				return
			}
			res, err := client.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			defer res.Body.Close()
			got, err := io.ReadAll(res.Body)
			switch {
			case err != nil:
				errs <- err.Error()
			case res.StatusCode != http.StatusOK || !bytes.Equal(got, body):
				errs <- "request " + strconv.Itoa(i) + ": status " + strconv.Itoa(res.StatusCode) + ", " + strconv.Itoa(len(got)) + " bytes"
			default:
				errs <- ""
			}
		}()
	}
	var failed []string
	for i := 0; i < 32; i++ {
		if e := <-errs; e != "" {
			failed = append(failed, e)
		}
	}
	if len(failed) > 0 {
		t.Fatalf("%d of 32 failed:\n%s", len(failed), strings.Join(failed, "\n"))
	}
}

// Bodies stream through bounded queues: a worker's memory does not grow
// with the size of what passes through it.
func TestMemoryStaysBounded(t *testing.T) {
	s := startNginx(t, bodyConf)
	body := randomBytes(50<<20, 2)
	for i := 0; i < 2; i++ {
		req, err := http.NewRequest(http.MethodPost, s.url("/echo"), bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		wantStatus(t, do(t, req), http.StatusOK)
		wantStatus(t, get(t, s.url("/stream?size=52428800&chunk=65536")), http.StatusOK)
	}
	for _, pid := range s.workers() {
		peak := peakRSS(t, pid)
		t.Logf("worker %d peak RSS %d MiB", pid, peak>>20)
		if peak > 64<<20 {
			t.Errorf("worker %d peaked at %d MiB moving 50 MiB bodies", pid, peak>>20)
		}
	}
}

// peakRSS is a process's VmHWM in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if f := strings.Fields(l); len(f) == 3 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM for %d", pid)
	return 0
}

// nginx's own filters (here gzip) work on what the module sends, and see
// the MIME type apart from its charset.
func TestGzipFilter(t *testing.T) {
	s := startNginx(t, `
    server {
        listen 127.0.0.1:{{port}};
        gzip on;
        gzip_min_length 1;
        gzip_types text/plain application/octet-stream;
        location /stream {
            wsgi_script_alias /stream {{apps}}/stream.py;
        }
        location /env {
            wsgi_script_alias /env {{apps}}/environ.py;
        }
    }`)
	for _, path := range []string{"/stream?size=3000000&chunk=10000", "/env"} {
		req, err := http.NewRequest(http.MethodGet, s.url(path), nil)
		if err != nil {
			t.Fatal(err)
		}
		// Asked for by hand, the body comes back compressed as sent.
		req.Header.Set("Accept-Encoding", "gzip")
		r := do(t, req)
		wantStatus(t, r, http.StatusOK)
		if r.header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: not compressed (Content-Type %q)", path, r.header.Get("Content-Type"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if path != "/env" && !bytes.Equal(plain, pattern(3000000, 10000)) {
			t.Fatalf("%s: %d bytes after gunzip, not the pattern", path, len(plain))
		}
	}
}
