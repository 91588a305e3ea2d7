package apache

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// `apachectl graceful` while clients keep sending: children are replaced,
// each new one loads the core again, and no request fails.
func TestGracefulUnderLoad(t *testing.T) {
	for _, mpm := range []string{"event", "prefork"} {
		t.Run(mpm, func(t *testing.T) {
			s := startServer(t, site{mpm: mpm, body: `
WSGIScriptAlias /hello {{apps}}/hello.py
WSGIScriptAlias /stream {{apps}}/stream.py
`})
			testGraceful(t, s)
		})
	}
}

func testGraceful(t *testing.T, s *server) {
	const (
		clients  = 8
		restarts = 3
		pause    = 1500 * time.Millisecond
	)
	var (
		ok, failed atomic.Int64
		mu         sync.Mutex
		failures   []string
		stop       = make(chan struct{})
		wg         sync.WaitGroup
	)
	fail := func(msg string) {
		failed.Add(1)
		mu.Lock()
		if len(failures) < 10 {
			failures = append(failures, msg)
		}
		mu.Unlock()
	}
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := client()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				path, want := "/hello", 14
				if n%4 == 3 {
					path, want = "/stream?size=300000", 300000
				}
				resp, err := c.Get(s.url(path))
				if err != nil {
					fail(fmt.Sprintf("client %d: GET %s: %v", i, path, err))
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || len(body) != want {
					fail(fmt.Sprintf("client %d: GET %s: %d, %d bytes, %v", i, path, resp.StatusCode, len(body), err))
					continue
				}
				ok.Add(1)
			}
		}(i)
	}
	time.Sleep(pause)
	for r := 0; r < restarts; r++ {
		s.graceful()
		time.Sleep(pause)
	}
	close(stop)
	wg.Wait()

	// prefork logs AH00171, event AH00493 for each graceful restart.
	generations := len(regexp.MustCompile(`AH00171|AH00493`).FindAllString(s.errorLog(), -1))
	t.Logf("%d requests served across %d graceful restarts", ok.Load(), generations)
	if failed.Load() > 0 {
		t.Errorf("%d requests failed:\n%s", failed.Load(), strings.Join(failures, "\n"))
	}
	if generations != restarts {
		t.Errorf("the error log shows %d graceful restarts, want %d", generations, restarts)
	}
	if ok.Load() < 100 {
		t.Errorf("only %d requests succeeded", ok.Load())
	}
	// The new children started the core and serve.
	if n := strings.Count(s.errorLog(), "core started"); n < 2*(restarts+1) {
		t.Errorf("%d children started the core, want new ones after each restart", n)
	}
	if resp, body := get(t, s.url("/hello")); resp.StatusCode != 200 {
		t.Errorf("after the restarts: %d %q", resp.StatusCode, body)
	}
}
