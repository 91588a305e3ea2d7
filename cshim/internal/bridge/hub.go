package bridge

import (
	"encoding/binary"
	"errors"
	"sync"
	"syscall"
)

// hub tells the host which requests have news. An event-loop host gives a
// descriptor: the hub keeps a list of requests with news and writes to the
// descriptor when that list stops being empty, and the host drains the list
// with ready. A blocking host gives none and waits on each request's wake
// channel instead; the hub signals that channel in both cases.
type hub struct {
	fd int // -1: no event loop

	mu      sync.Mutex
	pending []*request
}

func newHub(fd int) *hub {
	return &hub{fd: fd}
}

// post marks r as having news. It never blocks.
func (h *hub) post(r *request) {
	select {
	case r.wake <- struct{}{}:
	default:
	}
	if h.fd < 0 {
		return
	}
	h.mu.Lock()
	if r.listed || r.dropped {
		h.mu.Unlock()
		return
	}
	r.listed = true
	h.pending = append(h.pending, r)
	first := len(h.pending) == 1
	h.mu.Unlock()
	if first {
		h.signal()
	}
}

// signal adds one to the host's eventfd. A full pipe or a saturated counter
// means the host has a wake-up pending already, so EAGAIN is not an error;
// EINTR is retried.
func (h *hub) signal() {
	var one [8]byte
	binary.NativeEndian.PutUint64(one[:], 1)
	for {
		_, err := syscall.Write(h.fd, one[:])
		if !errors.Is(err, syscall.EINTR) {
			return
		}
	}
}

// ready moves up to len(out) cookies of requests with news into out.
func (h *hub) ready(out []uintptr) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for n < len(out) && len(h.pending) > 0 {
		r := h.pending[0]
		h.pending[0] = nil
		h.pending = h.pending[1:]
		r.listed = false
		if r.dropped {
			continue
		}
		out[n] = r.cookie
		n++
	}
	if len(h.pending) == 0 {
		// Let the backing array go rather than grow forever by slicing.
		h.pending = nil
	}
	return n
}

// drop makes sure r's cookie never comes out of ready again: the host may
// free what the cookie points to as soon as it has closed the request.
func (h *hub) drop(r *request) {
	h.mu.Lock()
	r.dropped = true
	h.mu.Unlock()
}
