package gpython

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Requests run in parallel on separate contexts, each with its own module
// state, and never on more contexts than Threads.
func TestParallelRequests(t *testing.T) {
	const threads, clients, perClient = 4, 8, 25
	wsgiApp := load(t, `
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
`, func(s *engine.Spec, _ *settings) {
		s.Threads = threads
		s.RequestTimeout = time.Minute
	})

	var wg sync.WaitGroup
	errs := make(chan error, clients*perClient)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perClient {
				n := 2000 + c*perClient + i
				var x exchange
				body, err := serve(context.Background(), wsgiApp, x.request(map[string]string{"QUERY_STRING": fmt.Sprint(n)}, ""))
				if want := fmt.Sprintf("%d/True", n*(n-1)/2); err != nil || body != want {
					errs <- fmt.Errorf("n=%d: body %q err %v, want %q", n, body, err, want)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	made := wsgiApp.(*app).workers.Load()
	t.Logf("%d contexts served %d requests", made, clients*perClient)
	if made < 1 || made > threads {
		t.Errorf("%d contexts made for Threads=%d", made, threads)
	}
}
