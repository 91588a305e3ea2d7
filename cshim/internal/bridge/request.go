package bridge

import (
	"context"
	"sync"
	"time"

	"github.com/gowsgi/gowsgi/core/wsgi"
)

// request is one request between the host and the application's goroutine.
type request struct {
	id     uint64
	cookie uintptr // the host's, never dereferenced
	hub    *hub
	cancel context.CancelFunc
	wake   chan struct{} // news for a blocking host

	// listed and dropped are guarded by hub.mu.
	listed  bool // in the hub's pending list
	dropped bool // closed by the host: its cookie must not come back

	mu        sync.Mutex
	bodyReady sync.Cond // body bytes, end of body or closed
	roomReady sync.Cond // room in the response queue or closed
	closed    bool      // the host is done with the request
	body      bodyQueue
	resp      responseQueue
}

func newRequest(id uint64, cookie uintptr, h *hub, cancel context.CancelFunc) *request {
	r := &request{id: id, cookie: cookie, hub: h, cancel: cancel, wake: make(chan struct{}, 1)}
	r.bodyReady.L = &r.mu
	r.roomReady.L = &r.mu
	return r
}

// serve runs the request through d on the calling goroutine.
func (r *request) serve(ctx context.Context, d Dispatcher, req *wsgi.Request) {
	out := d.Serve(ctx, req, responseWriter{r})
	r.finish(out.Abort)
}

// close is the host letting go: the application is cancelled if it still
// runs, and blocked reads and writes return.
func (r *request) close() {
	r.hub.drop(r)
	r.mu.Lock()
	r.closed = true
	r.bodyReady.Broadcast()
	r.roomReady.Broadcast()
	r.mu.Unlock()
	r.cancel()
}

// waitNews blocks until r has news or timeout passes (< 0: no limit).
func (r *request) waitNews(timeout time.Duration) bool {
	if timeout < 0 {
		<-r.wake
		return true
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-r.wake:
		return true
	case <-t.C:
		return false
	}
}
