// Package workerpool holds an app's workers, whatever runs Python in them:
// at most Size requests run at once, each on a worker of its own, and
// workers are made lazily when none is idle.
package workerpool

import (
	"context"
	"errors"
	"time"

	"github.com/gowsgi/gowsgi/core/engine/interrupt"
)

// ErrClosed is returned by Acquire once the pool is closing.
var ErrClosed = errors.New("application is closed")

// Worker is what a pool holds.
type Worker interface {
	// Reusable reports, after a request, whether the worker may serve
	// another one. Release drops a worker that may not (abandoned to code
	// that never returned, or no longer trusted) so that a new worker can
	// take its slot; stopping it is up to its engine.
	Reusable() bool
	// Retire stops an idle worker for good and waits until it has exited.
	Retire()
}

// Pool bounds and reuses an app's workers.
type Pool[W Worker] struct {
	slots   chan struct{} // one token per request holding a worker
	idle    chan W        // never more than cap(slots) workers are idle
	closing chan struct{}
	spawn   func(*interrupt.Signal) (W, error)
}

// New makes a pool of size slots; spawn makes a worker when none is idle,
// within the time of the request that needs it.
func New[W Worker](size int, spawn func(*interrupt.Signal) (W, error)) *Pool[W] {
	return &Pool[W]{
		slots:   make(chan struct{}, size),
		idle:    make(chan W, size),
		closing: make(chan struct{}),
		spawn:   spawn,
	}
}

// Size is how many requests may hold a worker at once.
func (p *Pool[W]) Size() int { return cap(p.slots) }

// Put adds a worker made outside the pool (the one an app loaded its
// script on), before any request.
func (p *Pool[W]) Put(w W) { p.idle <- w }

// Acquire waits for a free slot, giving up when sig fires or the pool
// closes, and returns an idle worker or a new one.
func (p *Pool[W]) Acquire(sig *interrupt.Signal) (W, error) {
	var none W
	select {
	case <-p.closing:
		return none, ErrClosed
	default:
	}
	select {
	case p.slots <- struct{}{}:
	case <-p.closing:
		return none, ErrClosed
	case <-sig.Fired():
		return none, sig.Err()
	}
	select {
	case <-p.closing:
		<-p.slots
		return none, ErrClosed
	case w := <-p.idle:
		return w, nil
	default:
	}
	w, err := p.spawn(sig)
	if err != nil {
		<-p.slots
		return none, err
	}
	return w, nil
}

// Begin starts a request bounded by ctx and limit (none when zero): it
// returns the request's signal and, once a slot is free, a worker. On
// failure the signal is already stopped.
func (p *Pool[W]) Begin(ctx context.Context, limit time.Duration) (W, *interrupt.Signal, error) {
	sig := interrupt.New(ctx, limit)
	w, err := p.Acquire(sig)
	if err != nil {
		sig.Stop()
		return w, nil, err
	}
	return w, sig, nil
}

// Release gives a worker back after a request, or drops it when it is not
// reusable; either way its slot is free again.
func (p *Pool[W]) Release(w W) {
	if w.Reusable() {
		// Before freeing the slot, so whoever takes it finds this worker.
		p.idle <- w
	}
	<-p.slots
}

// Close waits for the requests in flight (dropped workers have already
// given their slot back), then retires every idle worker.
func (p *Pool[W]) Close() {
	close(p.closing)
	for range cap(p.slots) {
		p.slots <- struct{}{}
	}
	for {
		select {
		case w := <-p.idle:
			w.Retire()
		default:
			return
		}
	}
}
