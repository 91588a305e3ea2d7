package apache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// How request threads wait for the core's news: under mpm_event a waker
// thread per child, woken by the core through an eventfd, wakes the
// requests the news is for; under prefork each request thread blocks in
// the core. The debug level makes each child say which it does.

const wakeSite = `
LogLevel info gowsgi:debug
WSGIScriptAlias /hello {{apps}}/hello.py
WSGIScriptAlias /stream {{apps}}/stream.py
WSGIScriptAlias /echo {{apps}}/echo.py
WSGIScriptAlias /life {{apps}}/lifecycle.py
`

// Many requests at once per child, each waiting in every way there is: for
// the response to be made, for room to send more of it, for the
// application to read more body. A wake-up lost or given to the wrong
// request leaves one hanging until the client gives up.
func TestConcurrentRequests(t *testing.T) {
	for _, mpm := range []string{"event", "worker", "prefork"} {
		t.Run(mpm, func(t *testing.T) {
			s := startServer(t, site{mpm: mpm, body: wakeSite})
			checkWakeMode(t, s, mpm)
			testConcurrent(t, s)
		})
	}
}

// checkWakeMode fails the test unless the children wait the way their MPM
// calls for: the waker is chosen when a child starts.
func checkWakeMode(t *testing.T, s *server, mpm string) {
	t.Helper()
	want, other := "on a waker thread", "in the core"
	if mpm == "prefork" {
		want, other = other, want
	}
	log := s.errorLog()
	if !strings.Contains(log, "requests wait for the core's news "+want) ||
		strings.Contains(log, "requests wait for the core's news "+other) {
		t.Errorf("under mpm_%s requests should wait %s; the error log says:\n%s",
			mpm, want, strings.Join(regexp.MustCompile(`(?m)^.*requests wait for.*$`).FindAllString(log, -1), "\n"))
	}
}

func testConcurrent(t *testing.T, s *server) {
	const (
		clients  = 40
		requests = 12
		upload   = 300000
		stream   = 500000
	)
	var (
		ok       atomic.Int64
		mu       sync.Mutex
		failures []string
		wg       sync.WaitGroup
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		failures = append(failures, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// A connection per request: a busy mpm_event closes idle
			// keep-alive connections, and a client that began to send a
			// body on one cannot send it again. A hang is what this test
			// looks for: the limit is well under the suite's.
			c := &http.Client{
				Timeout:   20 * time.Second,
				Transport: &http.Transport{DisableCompression: true, DisableKeepAlives: true},
			}
			data := make([]byte, upload)
			rand.New(rand.NewSource(int64(i))).Read(data)
			sum := sha256.Sum256(data)
			for n := 0; n < requests; n++ {
				var (
					resp *http.Response
					err  error
				)
				kind := (i + n) % 3
				switch kind {
				case 0:
					resp, err = c.Get(s.url("/hello"))
				case 1:
					resp, err = c.Get(s.url("/stream?size=" + strconv.Itoa(stream)))
				default:
					resp, err = c.Post(s.url("/echo"), "application/octet-stream", bytes.NewReader(data))
				}
				if err != nil {
					fail("client %d request %d: %v", i, n, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					fail("client %d request %d: %d after %d bytes: %v", i, n, resp.StatusCode, len(body), err)
					continue
				}
				switch {
				case kind == 0 && string(body) != "Hello, world!\n",
					kind == 1 && len(body) != stream,
					kind == 2 && sha256.Sum256(body) != sum:
					fail("client %d request %d: wrong body (%d bytes)", i, n, len(body))
					continue
				}
				ok.Add(1)
			}
		}(i)
	}
	wg.Wait()
	if len(failures) > 0 {
		if len(failures) > 10 {
			failures = append(failures[:10], "...")
		}
		t.Errorf("%d of %d requests failed:\n%s", clients*requests-int(ok.Load()),
			clients*requests, strings.Join(failures, "\n"))
	}
}

// A hard stop (SIGTERM to the parent) while requests wait for news: the
// children exit without the parent having to signal them again. Under
// prefork a child stops in the middle of a request, from a signal handler
// that may interrupt its thread while it waits in the core.
func TestStopUnderLoad(t *testing.T) {
	for _, mpm := range []string{"event", "prefork"} {
		t.Run(mpm, func(t *testing.T) {
			s := startServer(t, site{mpm: mpm, body: wakeSite})
			testStopUnderLoad(t, s, mpm == "prefork")
		})
	}
}

func testStopUnderLoad(t *testing.T, s *server, drips bool) {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := client()
			c.Timeout = 10 * time.Second
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				path := "/hello"
				if n%2 == 1 {
					path = "/stream?size=300000"
				}
				resp, err := c.Get(s.url(path))
				if err != nil {
					continue // the server is going away
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(i)
	}
	// A dripping response keeps a prefork child's thread waiting for the
	// next piece for seconds; a threaded child would rightly finish it
	// before exiting.
	var markers []string
	if drips {
		for i := 0; i < 4; i++ {
			marker := filepath.Join(s.data, "stop-drip-"+strconv.Itoa(i))
			markers = append(markers, marker)
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, err := client().Get(s.url("/life?mode=drip&marker=" + marker))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}()
		}
	}
	for _, m := range markers {
		if !waitFor(10*time.Second, fileHas(m, "started")) {
			t.Fatalf("the dripping request %s did not start", m)
		}
	}
	time.Sleep(time.Second)

	start := time.Now()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(stopTimeout):
	}
	took := time.Since(start)
	close(stop)
	wg.Wait()

	t.Logf("Apache stopped %v after SIGTERM", took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("Apache took %v to stop", took.Round(time.Millisecond))
	}
	// AH00045/AH00046: children the parent had to signal again or kill.
	if late := regexp.MustCompile(`(?m)^.*still did not exit.*$`).FindAllString(s.errorLog(), -1); len(late) > 0 {
		t.Errorf("children did not exit when told to:\n%s", strings.Join(late, "\n"))
	}
}

// A client that stops reading keeps its request's thread blocked in a
// write to the network while the application, its queue full, waits for
// room. The waker must never wait for such a thread: the other requests of
// the child are woken as before. One child serves everything here, so the
// quick requests share it with the stalled ones.
func TestStalledClientDoesNotDelayOthers(t *testing.T) {
	const (
		stalled = 4
		quick   = 24
		limit   = 3 * time.Second // a quick request, on a loaded machine
		// A quick request gives up well before Apache's Timeout (30 s)
		// would fail the stalled writes and free their threads.
		giveUp = 10 * time.Second
	)
	s := startServer(t, site{body: wakeSite + `
<IfModule mpm_event_module>
    ServerLimit 1
    StartServers 1
    MaxRequestWorkers 16
    MinSpareThreads 1
    MaxSpareThreads 16
</IfModule>
`})
	checkWakeMode(t, s, "event")

	// A small receive buffer; the server's send buffer still takes a few
	// megabytes before its write blocks.
	dialer := net.Dialer{Timeout: 5 * time.Second, Control: func(_, _ string, rc syscall.RawConn) error {
		var err error
		rc.Control(func(fd uintptr) {
			err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096)
		})
		return err
	}}
	for i := 0; i < stalled; i++ {
		c, err := dialer.Dial("tcp", s.addr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(giveUp))
		if _, err := io.WriteString(c, "GET /stream?size=1000000000 HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 12)
		if _, err := io.ReadFull(c, head); err != nil || string(head) != "HTTP/1.1 200" {
			t.Fatalf("stalled request %d: %q, %v", i, head, err)
		}
	}
	time.Sleep(1500 * time.Millisecond) // the buffers fill: the writes block

	var (
		mu       sync.Mutex
		failures []string
		slowest  time.Duration
		wg       sync.WaitGroup
	)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := &http.Client{
				Timeout:   giveUp,
				Transport: &http.Transport{DisableCompression: true, DisableKeepAlives: true},
			}
			for n := 0; n < quick/4; n++ {
				start := time.Now()
				resp, err := c.Get(s.url("/hello"))
				var body []byte
				if err == nil {
					body, err = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				took := time.Since(start)
				mu.Lock()
				slowest = max(slowest, took)
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("client %d request %d: %v after %v", i, n, err, took.Round(time.Millisecond)))
				case string(body) != "Hello, world!\n":
					failures = append(failures, fmt.Sprintf("client %d request %d: %d %q", i, n, resp.StatusCode, body))
				case took > limit:
					failures = append(failures, fmt.Sprintf("client %d request %d took %v", i, n, took.Round(time.Millisecond)))
				}
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	t.Logf("slowest quick request: %v", slowest.Round(time.Millisecond))
	if len(failures) > 0 {
		t.Errorf("quick requests beside %d stalled ones:\n%s", stalled, strings.Join(failures, "\n"))
	}
}
