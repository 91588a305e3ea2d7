package nginx

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const processConf = `
    server {
        listen 127.0.0.1:{{port}};
        location / {
            wsgi_script_alias / {{apps}}/hello.py;
        }
        location /life {
            wsgi_script_alias /life {{apps}}/lifecycle.py;
        }
    }`

// The Go runtime must not exist in the master: it forks workers.
func TestOnlyWorkersLoadTheCore(t *testing.T) {
	s := startNginx(t, processConf)
	wantStatus(t, get(t, s.url("/")), http.StatusOK)
	maps, err := os.ReadFile(fmt.Sprintf("/proc/%d/maps", s.masterPID()))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(maps), "libgowsgi") {
		t.Errorf("the master (pid %d) has libgowsgi mapped", s.masterPID())
	}
	for _, pid := range s.workers() {
		maps, err := os.ReadFile(fmt.Sprintf("/proc/%d/maps", pid))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(maps), "libgowsgi") {
			t.Errorf("worker %d has no libgowsgi mapped", pid)
		}
	}
}

// load sends requests from a few clients until stop is closed, counting
// answers and failures.
type load struct {
	ok, failed atomic.Int64
	mu         sync.Mutex
	errs       []string
	wg         sync.WaitGroup
}

func startLoad(ctx context.Context, url string, clients int) *load {
	l := &load{}
	for i := 0; i < clients; i++ {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			c := &http.Client{Transport: &http.Transport{Proxy: nil}, Timeout: 30 * time.Second}
			for ctx.Err() == nil {
				l.one(c, url)
			}
		}()
	}
	return l
}

func (l *load) one(c *http.Client, url string) {
	res, err := c.Get(url)
	if err == nil {
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
		if err == nil && res.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", res.StatusCode)
		}
	}
	if err != nil {
		l.failed.Add(1)
		l.mu.Lock()
		if len(l.errs) < 10 {
			l.errs = append(l.errs, err.Error())
		}
		l.mu.Unlock()
		return
	}
	l.ok.Add(1)
}

// Two reloads under load: old workers finish what they have, new ones
// start their own core, and no request fails.
func TestReloadUnderLoad(t *testing.T) {
	s := startNginx(t, processConf)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	l := startLoad(ctx, s.url("/"), 4)
	workers := s.waitWorkers(2)
	for i := 0; i < 2; i++ {
		time.Sleep(300 * time.Millisecond)
		s.signal("reload")
		deadline := time.Now().Add(startTimeout)
		for {
			now := s.waitWorkers(2)
			if !slices.ContainsFunc(now, func(pid int) bool { return slices.Contains(workers, pid) }) {
				workers = now
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("reload %d: workers still %v", i+1, now)
			}
			time.Sleep(pollInterval)
		}
	}
	time.Sleep(300 * time.Millisecond)
	cancel()
	l.wg.Wait()
	if l.failed.Load() > 0 || l.ok.Load() < 100 {
		t.Fatalf("%d requests answered, %d failed: %v", l.ok.Load(), l.failed.Load(), l.errs)
	}
	t.Logf("%d requests during two reloads", l.ok.Load())
}

// A graceful quit waits for a request the app is still working on.
func TestQuitLetsASlowRequestFinish(t *testing.T) {
	s := startNginx(t, processConf)
	marker := filepath.Join(t.TempDir(), "marker")
	type result struct {
		r   response
		err error
	}
	got := make(chan result, 1)
	go func() {
		res, err := client.Get(s.url("/life?mode=slow&seconds=1.5&marker=" + marker))
		if err != nil {
			got <- result{err: err}
			return
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		got <- result{r: response{status: res.StatusCode, body: body}, err: err}
	}()
	waitFile(t, marker, "started", 10*time.Second)
	s.signal("quit")
	select {
	case res := <-got:
		if res.err != nil {
			t.Fatalf("the slow request failed: %v", res.err)
		}
		wantStatus(t, res.r, http.StatusOK)
		if string(res.r.body) != "slow-done" {
			t.Errorf("body %q", res.r.body)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no answer to the slow request")
	}
	if err := s.waitExit(stopTimeout); err != nil {
		t.Fatal(err)
	}
}
