package bridge

import (
	"errors"

	"github.com/gowsgi/gowsgi/core/engine"
)

// errClientGone is what the application's writes get once the host closed
// the request: the gateway then stops the app and runs its close().
var errClientGone = errors.New("the server closed the request (client gone)")

// ending says how the response ended, once the gateway returned.
type ending uint8

const (
	running ending = iota
	ended          // complete
	aborted        // cut the connection
)

// head is the status and headers waiting for the host.
type head struct {
	status  int
	reason  string
	headers []engine.Header
}

// segment is a piece of response body; flush marks where the application
// flushed.
type segment struct {
	data  []byte
	flush bool
}

// responseQueue is the response between the gateway, which writes it from
// the application's goroutine, and the host, which polls it. It holds at
// most QueueBytes of body: Write waits for the host to take the rest.
//
// Its fields are guarded by the request's mutex.
type responseQueue struct {
	head  *head
	segs  []segment
	bytes int
	end   ending
	// due is set once the application flushed or filled the queue: only
	// then do the headers go out, so that a response the application
	// finishes at once reaches the host whole and can get a length.
	due       bool
	delivered bool // END or ABORT went to the host
}

// responseWriter is the gateway's side of the queue.
type responseWriter struct{ r *request }

// WriteHeader queues the status and headers. They reach the host once the
// application flushes, fills the queue or finishes.
func (w responseWriter) WriteHeader(code int, reason string, headers []engine.Header) error {
	r := w.r
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return errClientGone
	}
	r.resp.head = &head{status: code, reason: reason, headers: headers}
	return nil
}

// Write copies p into the queue, waiting while the queue is full; a full
// queue tells the host to drain it.
func (w responseWriter) Write(p []byte) (int, error) {
	r := w.r
	q := &r.resp
	written := 0
	r.mu.Lock()
	for written < len(p) {
		if r.closed {
			r.mu.Unlock()
			return written, errClientGone
		}
		room := QueueBytes - q.bytes
		if room == 0 {
			q.due = true
			r.mu.Unlock()
			r.hub.post(r)
			r.mu.Lock()
			for q.bytes >= QueueBytes && !r.closed {
				r.roomReady.Wait()
			}
			continue
		}
		n := min(room, len(p)-written)
		q.segs = append(q.segs, segment{data: append([]byte(nil), p[written:written+n]...)})
		q.bytes += n
		written += n
	}
	full := q.bytes >= QueueBytes
	if full {
		q.due = true
	}
	r.mu.Unlock()
	if full {
		r.hub.post(r)
	}
	return written, nil
}

// Flush marks what is queued as due now and tells the host.
func (w responseWriter) Flush() error {
	r := w.r
	r.mu.Lock()
	q := &r.resp
	if r.closed {
		r.mu.Unlock()
		return errClientGone
	}
	due := len(q.segs) > 0 || q.head != nil
	if len(q.segs) > 0 {
		q.segs[len(q.segs)-1].flush = true
	}
	q.due = q.due || due
	r.mu.Unlock()
	if due {
		r.hub.post(r)
	}
	return nil
}

// finish records how the gateway ended and tells the host.
func (r *request) finish(abort bool) {
	r.mu.Lock()
	if abort {
		r.resp.end = aborted
	} else {
		r.resp.end = ended
	}
	r.body.end()
	r.mu.Unlock()
	r.hub.post(r)
}
