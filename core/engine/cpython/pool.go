//go:build cgo && cpython

package cpython

import "errors"

var errAppClosed = errors.New("application is closed")

// pool holds an app's workers: up to cap(slots) requests run at once, each
// on its own worker, and workers are started when none is idle.
type pool struct {
	slots   chan struct{} // one token per request holding a worker
	idle    chan *worker  // never more than cap(slots) workers are idle
	closing chan struct{}
	spawn   func() *worker
}

func newPool(threads int, spawn func() *worker) *pool {
	return &pool{
		slots:   make(chan struct{}, threads),
		idle:    make(chan *worker, threads),
		closing: make(chan struct{}),
		spawn:   spawn,
	}
}

// acquire waits for a free slot, giving up when ir fires or the app
// closes, and returns an idle worker or a new one.
func (p *pool) acquire(ir *interrupt) (*worker, error) {
	select {
	case <-p.closing:
		return nil, errAppClosed
	default:
	}
	select {
	case p.slots <- struct{}{}:
	case <-p.closing:
		return nil, errAppClosed
	case <-ir.fired:
		return nil, ir.err()
	}
	select {
	case <-p.closing:
		<-p.slots
		return nil, errAppClosed
	case w := <-p.idle:
		return w, nil
	default:
	}
	return p.spawn(), nil
}

// release gives a worker back after a request. An abandoned worker is
// stopped by its owner; its slot makes room for a replacement.
func (p *pool) release(w *worker) {
	if !w.abandoned.Load() {
		// Before freeing the slot, so whoever takes it finds this worker.
		p.idle <- w
	}
	<-p.slots
}

// put adds the worker Load used, before any request.
func (p *pool) put(w *worker) { p.idle <- w }

// close waits for in-flight requests, then stops every worker and waits
// for their threads to end.
func (p *pool) close() {
	close(p.closing)
	for range cap(p.slots) {
		p.slots <- struct{}{}
	}
	for {
		select {
		case w := <-p.idle:
			w.stop(nil)
			<-w.exited
		default:
			return
		}
	}
}
