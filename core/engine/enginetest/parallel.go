package enginetest

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// Requests run in parallel, each app keeping its module state, and never
// on more workers than Threads.
func (s *suite) parallelRequests(t *testing.T) {
	const threads, clients, perClient = 4, 8, 25
	app := s.load(t, `
served = [0]

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

def application(environ, start_response):
    served[0] += 1
    n = int(environ['QUERY_STRING'])
    start_response('200 OK', [])
    yield str(work(n)).encode()
    yield b"/"
    yield str(served[0] > 0).encode()
`, setup{threads: threads, timeout: time.Minute})
	Concurrently(t, clients, perClient, func(c, i int) error {
		n := 2000 + c*perClient + i
		body, err := Serve(context.Background(), app, Query(fmt.Sprint(n)))
		if want := fmt.Sprintf("%d/True", n*(n-1)/2); err != nil || body != want {
			return fmt.Errorf("n=%d: body %q err %v, want %q", n, body, err, want)
		}
		return nil
	})
	made := s.h.Workers(app)
	t.Logf("%d workers served %d requests", made, clients*perClient)
	if made < 1 || made > threads {
		t.Errorf("%d workers started for Threads=%d", made, threads)
	}
}
