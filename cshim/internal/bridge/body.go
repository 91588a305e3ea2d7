package bridge

import (
	"errors"
	"io"
)

// ErrGone is returned by Offer when the application no longer reads the
// request body: it finished, or the request was closed.
var ErrGone = errors.New("the application no longer reads the request body")

// errCancelled ends wsgi.input reads of a request the host closed.
var errCancelled = errors.New("request cancelled by the server")

// bodyQueue is the request body between the host, which offers it piece by
// piece, and the application, which reads it through wsgi.input. It holds
// at most QueueBytes; the host offers the rest again after news.
//
// Its fields are guarded by the request's mutex.
type bodyQueue struct {
	chunks  [][]byte
	bytes   int
	eof     bool // the host gave the last byte
	gone    bool // the application will not read any more
	refused bool // the host was turned away and waits for news
}

// Offer copies as much of p as fits into r's body queue and returns how
// many bytes it took; last ends the body once all of p is taken. p may be
// host memory: nothing of it is kept.
func (r *request) Offer(p []byte, last bool) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := &r.body
	if b.gone || r.closed {
		return 0, ErrGone
	}
	if b.eof {
		return 0, errors.New("request body already ended")
	}
	n := min(len(p), QueueBytes-b.bytes)
	if n > 0 {
		b.chunks = append(b.chunks, append([]byte(nil), p[:n]...))
		b.bytes += n
		r.bodyReady.Signal()
	}
	if n == len(p) {
		if last {
			b.eof = true
			r.bodyReady.Signal()
		}
	} else {
		b.refused = true
	}
	return n, nil
}

// bodyReader is wsgi.input's view of the queue.
type bodyReader struct{ r *request }

// Read blocks until body bytes, the end of the body or cancellation.
func (br bodyReader) Read(p []byte) (int, error) {
	r := br.r
	r.mu.Lock()
	b := &r.body
	for len(b.chunks) == 0 && !b.eof && !r.closed {
		r.bodyReady.Wait()
	}
	if len(b.chunks) == 0 {
		r.mu.Unlock()
		if b.eof {
			return 0, io.EOF
		}
		return 0, errCancelled
	}
	n := 0
	for n < len(p) && len(b.chunks) > 0 {
		c := copy(p[n:], b.chunks[0])
		n += c
		if c == len(b.chunks[0]) {
			b.chunks[0] = nil
			b.chunks = b.chunks[1:]
		} else {
			b.chunks[0] = b.chunks[0][c:]
		}
	}
	b.bytes -= n
	// Wake a turned-away host once half the queue is free, so each of its
	// offers moves a good share rather than a few bytes.
	wake := b.refused && b.bytes <= QueueBytes/2
	if wake {
		b.refused = false
	}
	r.mu.Unlock()
	if wake {
		r.hub.post(r)
	}
	return n, nil
}

// end marks the body as no longer read. Called with the request's mutex
// held; the caller posts news, which also wakes a host waiting to offer.
func (b *bodyQueue) end() {
	b.gone = true
	b.chunks = nil
	b.bytes = 0
	b.refused = false
}
