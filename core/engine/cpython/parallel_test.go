//go:build cgo && cpython

package cpython

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// Requests run on up to Threads threads at once: the GIL is released while
// one waits, so sleeping requests overlap, and never more than Threads of
// them run together.
func TestSleepingRequestsOverlap(t *testing.T) {
	const threads, clients, perClient = 4, 8, 10
	const nap = 20 * time.Millisecond
	wsgiApp := engines.Load(t, `
import threading, time

lock = threading.Lock()
running = [0, 0]  # now, most at once

def application(environ, start_response):
    n = int(environ['QUERY_STRING'])
    with lock:
        running[0] += 1
        running[1] = max(running)
    time.sleep(0.02)
    with lock:
        running[0] -= 1
    start_response('200 OK', [])
    yield str(sum(range(n))).encode()
    yield b"/"
    yield str(running[1]).encode()
`, func(s *engine.Spec, _ *settings) {
		s.Threads = threads
		s.RequestTimeout = time.Minute
	})

	start := time.Now()
	var mu sync.Mutex
	most := 0
	enginetest.Concurrently(t, clients, perClient, func(c, i int) error {
		n := 1000 + c*perClient + i
		body, err := enginetest.Serve(context.Background(), wsgiApp, enginetest.Query(fmt.Sprint(n)))
		var sum, peak int
		if _, scanErr := fmt.Sscanf(body, "%d/%d", &sum, &peak); err != nil || scanErr != nil || sum != n*(n-1)/2 {
			return fmt.Errorf("n=%d: body %q err %v", n, body, err)
		}
		mu.Lock()
		defer mu.Unlock()
		most = max(most, peak)
		return nil
	})
	elapsed := time.Since(start)
	made := wsgiApp.(*app).workers.Load()
	t.Logf("%d threads served %d requests in %v, at most %d at once", made, clients*perClient, elapsed, most)
	if made < 1 || made > threads {
		t.Errorf("%d threads started for Threads=%d", made, threads)
	}
	if most != threads {
		t.Errorf("at most %d requests ran at once, want %d", most, threads)
	}
	if serial := clients * perClient * nap; elapsed > serial*3/4 {
		t.Errorf("took %v, close to the %v of one request at a time", elapsed, serial)
	}
}

// A thread keeps its Python thread state between requests, so
// threading.local data lives on as in any threaded server.
func TestThreadStateLastsAcrossRequests(t *testing.T) {
	app := engines.Load(t, `
import threading
local = threading.local()

def application(environ, start_response):
    local.count = getattr(local, 'count', 0) + 1
    start_response('200 OK', [])
    return [b"%d" % local.count]
`)
	for i := 1; i <= 3; i++ {
		var x enginetest.Exchange
		body, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
		if want := fmt.Sprint(i); err != nil || body != want {
			t.Fatalf("request %d: body %q err %v, want %q", i, body, err, want)
		}
	}
}

// Idle worker threads do not hold the GIL: a thread the app started keeps
// running between requests.
func TestAppThreadsRunBetweenRequests(t *testing.T) {
	app := engines.Load(t, `
import threading, time

ticks = [0]
def tick():
    while True:
        ticks[0] += 1
        time.sleep(0.001)

threading.Thread(target=tick, daemon=True).start()

def application(environ, start_response):
    start_response('200 OK', [])
    return [b"%d" % ticks[0]]
`)
	ticksNow := func() int {
		var x enginetest.Exchange
		body, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if _, err := fmt.Sscan(body, &n); err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		return n
	}
	before := ticksNow()
	time.Sleep(100 * time.Millisecond)
	if after := ticksNow(); after-before < 10 {
		t.Errorf("the app's thread ticked %d times in 100ms between requests", after-before)
	}
}

// C code calling PyGILState_Ensure inside a request (ctypes, sqlite3 and
// Cython callbacks) finds the worker's running thread state, whatever OS
// thread the request runs on, instead of waiting forever for the GIL its
// own thread holds.
func TestGILStateEnsureInsideRequest(t *testing.T) {
	app := engines.Load(t, `
import ctypes
api = ctypes.pythonapi

def application(environ, start_response):
    state = api.PyGILState_Ensure()
    api.PyGILState_Release(state)
    start_response('200 OK', [])
    return [b"%d %d" % (state, api.PyGILState_Check())]
`)
	for i := 0; i < 3; i++ {
		var x enginetest.Exchange
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		body, err := enginetest.Serve(ctx, app, x.Request(nil, ""))
		cancel()
		// 0 is PyGILState_LOCKED: the state was already current.
		if err != nil || body != "0 1" {
			t.Fatalf("request %d: body %q err %v, want \"0 1\"", i, body, err)
		}
	}
}
