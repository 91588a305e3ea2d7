// Package bridge is the Go side of libgowsgi.so's C interface (gowsgi.h)
// without the cgo: the table of requests a C host has handed in, the bounded
// queues that carry their bodies each way, and the news that wakes the host.
// cshim converts C values and calls it; everything here is testable in Go.
package bridge

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/wsgi"
)

// QueueBytes bounds the request body and the response body each request
// holds in the core (GOWSGI_QUEUE_BYTES).
const QueueBytes = 64 << 10

// ErrUnknown is returned for a request id the core does not know (never
// given, or already closed).
var ErrUnknown = errors.New("unknown request id")

// Dispatcher is what the core needs of a *dispatch.Dispatcher.
type Dispatcher interface {
	Serve(ctx context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome
	Close(ctx context.Context) error
}

// Core is the core of one host process: its applications' dispatchers and
// the requests in flight.
type Core struct {
	apps   []Dispatcher
	hub    *hub
	runner runner
	nextID atomic.Uint64

	mu       sync.RWMutex
	requests map[uint64]*request
	stopped  bool
	serving  sync.WaitGroup // the requests' goroutines
	inflight atomic.Int64   // the same, counted
}

// NewCore serves apps (request app n is apps[n-1]); a nil app is one that
// failed to load, whose requests are refused. notifyFD is the host's event
// descriptor, or -1 for a host that blocks in Wait.
func NewCore(apps []Dispatcher, notifyFD int) *Core {
	return &Core{apps: apps, hub: newHub(notifyFD), runner: newRunner(), requests: map[uint64]*request{}}
}

// Start runs req on application app (1-based) and returns the request's id.
// A body is then offered with Offer when req.ContentLength is not 0.
func (c *Core) Start(app int, req *wsgi.Request, cookie uintptr) (uint64, error) {
	if app < 1 || app > len(c.apps) {
		return 0, fmt.Errorf("no application %d (the core has %d)", app, len(c.apps))
	}
	if c.apps[app-1] == nil {
		return 0, fmt.Errorf("application %d did not start; its error was logged when the core started", app)
	}
	ctx, cancel := context.WithCancel(context.Background())
	id := c.nextID.Add(1)
	r := newRequest(id, cookie, c.hub, cancel)
	if req.ContentLength != 0 {
		req.Body = bodyReader{r}
	}
	if req.ID == "" {
		req.ID = strconv.FormatUint(id, 10)
	}
	c.mu.Lock()
	if c.stopped {
		c.mu.Unlock()
		cancel()
		return 0, errors.New("the core is shut down")
	}
	c.requests[id] = r
	c.serving.Add(1)
	c.inflight.Add(1)
	c.runner.run(func() {
		defer c.serving.Done()
		defer c.inflight.Add(-1)
		r.serve(ctx, c.apps[app-1], req)
	})
	c.mu.Unlock()
	return id, nil
}

func (c *Core) lookup(id uint64) (*request, error) {
	c.mu.RLock()
	r, ok := c.requests[id]
	c.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("request %d: %w", id, ErrUnknown)
	}
	return r, nil
}

// Offer gives request id up to len(p) bytes of body; see request.Offer.
func (c *Core) Offer(id uint64, p []byte, last bool) (int, error) {
	r, err := c.lookup(id)
	if err != nil {
		return 0, err
	}
	return r.Offer(p, last)
}

// Poll takes the next piece of request id's response into buf. The event
// that ends the response also ends the request: its id is forgotten.
func (c *Core) Poll(id uint64, buf []byte) (Event, error) {
	r, err := c.lookup(id)
	if err != nil {
		return Event{}, err
	}
	ev, err := r.Poll(buf)
	if err == nil && ev.ends() {
		c.forget(id)
		r.hub.drop(r)
	}
	return ev, err
}

// forget removes id from the table and returns its request, if any.
func (c *Core) forget(id uint64) (*request, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.requests[id]
	delete(c.requests, id)
	return r, ok
}

// Wait blocks until request id has news or timeout passes (< 0: forever).
func (c *Core) Wait(id uint64, timeout time.Duration) (bool, error) {
	r, err := c.lookup(id)
	if err != nil {
		return false, err
	}
	return r.waitNews(timeout), nil
}

// Close forgets request id, cancelling it if it still runs.
func (c *Core) Close(id uint64) error {
	r, ok := c.forget(id)
	if !ok {
		return fmt.Errorf("request %d: %w", id, ErrUnknown)
	}
	r.close()
	return nil
}

// Ready moves the cookies of requests with news into out.
func (c *Core) Ready(out []uintptr) int {
	return c.hub.ready(out)
}

// Shutdown refuses new requests and waits for running ones until ctx ends;
// those still running then are cancelled and get a moment to run their
// close(). Then every application is closed.
func (c *Core) Shutdown(ctx context.Context) error {
	c.mu.Lock()
	c.stopped = true
	c.runner.stop()
	c.mu.Unlock()
	var errs []error
	if c.inflight.Load() > 0 && !waitGroup(ctx, &c.serving) {
		errs = append(errs, fmt.Errorf("cancelled requests still running: %w", ctx.Err()))
		c.mu.Lock()
		running := make([]*request, 0, len(c.requests))
		for id, r := range c.requests {
			running = append(running, r)
			delete(c.requests, id)
		}
		c.mu.Unlock()
		for _, r := range running {
			r.close()
		}
		grace, cancel := context.WithTimeout(context.Background(), closeGrace)
		defer cancel()
		waitGroup(grace, &c.serving)
	}
	closing, cancel := context.WithTimeout(context.Background(), closeGrace)
	defer cancel()
	for i, d := range c.apps {
		if d == nil {
			continue
		}
		if err := d.Close(closing); err != nil {
			errs = append(errs, fmt.Errorf("application %d: %w", i+1, err))
		}
	}
	return errors.Join(errs...)
}

// closeGrace is what cancelled requests get to finish after a shutdown's
// own time ran out, and what closing the applications may take.
const closeGrace = time.Second

// waitGroup waits for wg until ctx ends and reports whether wg finished.
func waitGroup(ctx context.Context, wg *sync.WaitGroup) bool {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	}
}
