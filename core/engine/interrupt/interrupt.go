// Package interrupt is the stop signal of one piece of Python work in an
// engine: a request, a script's import, a response's close(). It fires when
// a deadline passes or a context is done, and says why both to the app (the
// message of the exception Python raises) and to the host (a Go error that
// wraps engine.ErrTimeout or the context's error). How Python is told is
// each engine's own business.
package interrupt

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Why a signal fired.
const (
	notFired int32 = iota
	byDeadline
	byCancel
)

// Signal fires once, when its deadline passes or its context is done.
// Interrupted is a single atomic load, cheap enough for an interpreter hook
// to poll on every call; goroutines wait on Fired.
type Signal struct {
	ctx      context.Context
	limit    time.Duration // the configured limit, for messages
	deadline time.Time     // zero when there is none
	firedAt  time.Time     // written before reason, read after it
	reason   atomic.Int32
	fired    chan struct{}
	once     sync.Once
	timer    *time.Timer
	stopCtx  func() bool
}

// New starts the clock of a piece of work that may take limit (no limit
// when zero) and stops when ctx is done. Stop releases it.
func New(ctx context.Context, limit time.Duration) *Signal {
	var deadline time.Time
	if limit > 0 {
		deadline = time.Now().Add(limit)
	}
	return newSignal(ctx, deadline, limit)
}

// newSignal fires at deadline (never when zero) or when ctx is done.
func newSignal(ctx context.Context, deadline time.Time, limit time.Duration) *Signal {
	s := &Signal{ctx: ctx, limit: limit, deadline: deadline, fired: make(chan struct{})}
	if !deadline.IsZero() {
		s.timer = time.AfterFunc(time.Until(deadline), func() { s.fire(byDeadline) })
	}
	if ctx.Done() != nil {
		s.stopCtx = context.AfterFunc(ctx, func() { s.fire(byCancel) })
	}
	return s
}

// ForCleanup bounds cleanup after the work s bounds, such as a response's
// close(): by s's own deadline and context while s has not fired, and by
// grace once it has, so cleanup code still gets its chance.
func (s *Signal) ForCleanup(grace time.Duration) *Signal {
	if s.Interrupted() {
		return newSignal(context.Background(), time.Now().Add(grace), grace)
	}
	return newSignal(s.ctx, s.deadline, s.limit)
}

func (s *Signal) fire(reason int32) {
	s.once.Do(func() {
		s.firedAt = time.Now()
		s.reason.Store(reason)
		close(s.fired)
	})
}

// Stop releases the timer and the context watch; it may be called again.
func (s *Signal) Stop() {
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.stopCtx != nil {
		s.stopCtx()
	}
}

// Fired is closed when the signal fires.
func (s *Signal) Fired() <-chan struct{} { return s.fired }

// Interrupted reports whether the signal fired.
func (s *Signal) Interrupted() bool {
	return s.reason.Load() != notFired
}

// FiredFor is how long ago the signal fired; only valid once Interrupted.
func (s *Signal) FiredFor() time.Duration {
	return time.Since(s.firedAt)
}

// Outcome is the outcome of work that returned err under s: once s fired,
// the interruption, whatever the work made of it (Python code may have
// caught the exception it raised and carried on).
func (s *Signal) Outcome(err error) error {
	if s.Interrupted() {
		return s.Err()
	}
	return err
}

// Grace is how Await waits out work that does not stop when told to.
type Grace struct {
	// Period is how long the work gets to stop once the signal fired.
	Period time.Duration
	// Nudge, when not nil, tells the work to stop: at once, then Nudges
	// more times spread over the Period, for work that swallows the first.
	Nudge  func()
	Nudges int
	// GiveUp is called when the Period ran out; the work is left to
	// finish on its own.
	GiveUp func()
}

// Await waits for done, to which work running under s on another goroutine
// sends its error. Once s fires, the work gets g.Period to stop; past it,
// Await calls g.GiveUp and returns s.Err.
func (s *Signal) Await(done <-chan error, g Grace) error {
	select {
	case err := <-done:
		return err
	case <-s.fired:
	}
	var again <-chan time.Time
	if g.Nudge != nil {
		g.Nudge()
		ticker := time.NewTicker(g.Period / time.Duration(g.Nudges+1))
		defer ticker.Stop()
		again = ticker.C
	}
	period := time.NewTimer(g.Period)
	defer period.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-again:
			g.Nudge()
		case <-period.C:
			g.GiveUp()
			return s.Err()
		}
	}
}

// Message is what the exception raised in Python says, "" while the work
// may go on.
func (s *Signal) Message() string {
	switch s.reason.Load() {
	case byDeadline:
		return fmt.Sprintf("request exceeded its %s time limit", s.limit)
	case byCancel:
		return "request cancelled"
	}
	return ""
}

// Err is the Go error for interrupted work: it wraps engine.ErrTimeout or
// the context's error. nil while not interrupted.
func (s *Signal) Err() error {
	switch s.reason.Load() {
	case byDeadline:
		return fmt.Errorf("exceeded the %s time limit: %w", s.limit, engine.ErrTimeout)
	case byCancel:
		return fmt.Errorf("cancelled: %w", s.ctx.Err())
	}
	return nil
}
