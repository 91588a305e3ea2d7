//go:build cgo && cpython

package cpython

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Why an interrupt fired.
const (
	notInterrupted int32 = iota
	interruptedByDeadline
	interruptedByCancel
)

// interrupt is the stop signal of one piece of Python work: it fires when
// its deadline passes or its context is cancelled.
type interrupt struct {
	ctx      context.Context
	limit    time.Duration // the configured limit, for messages
	deadline time.Time     // zero when there is none
	reason   atomic.Int32
	fired    chan struct{}
	once     sync.Once
	timer    *time.Timer
	stopCtx  func() bool
}

// newInterrupt fires at deadline (never when zero) or when ctx is done.
func newInterrupt(ctx context.Context, deadline time.Time, limit time.Duration) *interrupt {
	ir := &interrupt{ctx: ctx, limit: limit, deadline: deadline, fired: make(chan struct{})}
	if !deadline.IsZero() {
		ir.timer = time.AfterFunc(time.Until(deadline), func() { ir.fire(interruptedByDeadline) })
	}
	if ctx.Done() != nil {
		ir.stopCtx = context.AfterFunc(ctx, func() { ir.fire(interruptedByCancel) })
	}
	return ir
}

// newRequestInterrupt starts a request's clock; a zero limit means none.
func newRequestInterrupt(ctx context.Context, limit time.Duration) *interrupt {
	var deadline time.Time
	if limit > 0 {
		deadline = time.Now().Add(limit)
	}
	return newInterrupt(ctx, deadline, limit)
}

func (ir *interrupt) fire(reason int32) {
	ir.once.Do(func() {
		ir.reason.Store(reason)
		close(ir.fired)
	})
}

// stop releases the timer and the context watch; it may be called again.
func (ir *interrupt) stop() {
	if ir.timer != nil {
		ir.timer.Stop()
	}
	if ir.stopCtx != nil {
		ir.stopCtx()
	}
}

func (ir *interrupt) interrupted() bool {
	return ir.reason.Load() != notInterrupted
}

// err is the Go error for interrupted work: it wraps engine.ErrTimeout or
// the context's error. nil while not interrupted.
func (ir *interrupt) err() error {
	switch ir.reason.Load() {
	case interruptedByDeadline:
		return fmt.Errorf("exceeded the %s time limit: %w", ir.limit, engine.ErrTimeout)
	case interruptedByCancel:
		return fmt.Errorf("cancelled: %w", ir.ctx.Err())
	}
	return nil
}

// refusal is what Python raises instead of serving an interrupted request,
// nil while it may go on.
func (ir *interrupt) refusal() *pyRaise {
	switch ir.reason.Load() {
	case interruptedByDeadline:
		return &pyRaise{kind: raiseInterrupted, message: fmt.Sprintf("request exceeded its %s time limit", ir.limit)}
	case interruptedByCancel:
		return &pyRaise{kind: raiseInterrupted, message: "request cancelled"}
	}
	return nil
}
