package gpython

import (
	"errors"
)

var errAppClosed = errors.New("application is closed")

// pool holds an app's contexts: up to cap(slots) requests run at once, each
// on its own worker, and workers are made lazily when none is idle.
type pool struct {
	slots   chan struct{} // one token per request holding a worker
	idle    chan *worker  // never more than cap(slots) workers exist
	closing chan struct{}
	spawn   func(ir *interrupt) (*worker, error)
}

func newPool(threads int, spawn func(ir *interrupt) (*worker, error)) *pool {
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
	w, err := p.spawn(ir)
	if err != nil {
		<-p.slots
		return nil, err
	}
	return w, nil
}

// release gives a worker back after a request.
func (p *pool) release(w *worker) {
	switch {
	case w.abandoned.Load():
		// Already stopped; its slot frees room for a replacement.
	case w.broken:
		w.log.Warn("replacing an interpreter context whose Python frames were cut short")
		w.stop()
	default:
		// Before freeing the slot, so whoever takes it finds this worker.
		p.idle <- w
	}
	<-p.slots
}

// put adds the context Load made, before any request.
func (p *pool) put(w *worker) { p.idle <- w }

// close waits for in-flight requests (abandoned ones have already given
// their slot back), then stops every worker and waits for them to exit.
func (p *pool) close() {
	close(p.closing)
	for range cap(p.slots) {
		p.slots <- struct{}{}
	}
	for {
		select {
		case w := <-p.idle:
			w.stop()
			<-w.exited
		default:
			return
		}
	}
}
