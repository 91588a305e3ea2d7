package gpython

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

// Why an interrupt fired.
const (
	notInterrupted int32 = iota
	interruptedByDeadline
	interruptedByCancel
)

// requestInterrupted is what Python sees when its request must stop. It
// derives from BaseException, like KeyboardInterrupt, so that a bare
// "except Exception" in the app does not swallow it.
var requestInterrupted = py.BaseException.NewType("RequestInterrupted",
	"The request ran past its time limit or was cancelled.", nil, nil)

// interrupt is the stop signal of one piece of Python work: it fires when
// its deadline passes or its context is cancelled. The VM hooks poll it
// with a single atomic load; callers wait on fired.
type interrupt struct {
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

// newInterrupt fires at deadline (none when zero) or when ctx is done.
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

// newRequestInterrupt starts a request's clock: limit zero means none.
func newRequestInterrupt(ctx context.Context, limit time.Duration) *interrupt {
	var deadline time.Time
	if limit > 0 {
		deadline = time.Now().Add(limit)
	}
	return newInterrupt(ctx, deadline, limit)
}

func (ir *interrupt) fire(reason int32) {
	ir.once.Do(func() {
		ir.firedAt = time.Now()
		ir.reason.Store(reason)
		close(ir.fired)
	})
}

// stop releases the timer and the context watch.
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

// interruptedFor is how long ago ir fired; only valid once interrupted.
func (ir *interrupt) interruptedFor() time.Duration {
	return time.Since(ir.firedAt)
}

// pyException is the exception the VM hooks raise, nil while the work may
// go on.
func (ir *interrupt) pyException() error {
	switch ir.reason.Load() {
	case interruptedByDeadline:
		return py.ExceptionNewf(requestInterrupted, "request exceeded its %s time limit", ir.limit)
	case interruptedByCancel:
		return py.ExceptionNewf(requestInterrupted, "request cancelled")
	}
	return nil
}

// err is the Go error the engine returns for an interrupted request.
func (ir *interrupt) err() error {
	switch ir.reason.Load() {
	case interruptedByDeadline:
		return fmt.Errorf("exceeded the %s time limit: %w", ir.limit, engine.ErrTimeout)
	case interruptedByCancel:
		return fmt.Errorf("cancelled: %w", ir.ctx.Err())
	}
	return nil
}
