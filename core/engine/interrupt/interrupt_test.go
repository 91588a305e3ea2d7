package interrupt

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// fired waits for s to fire, failing after a second.
func fired(t *testing.T, s *Signal) {
	t.Helper()
	select {
	case <-s.Fired():
	case <-time.After(time.Second):
		t.Fatal("the signal never fired")
	}
}

func TestDeadline(t *testing.T) {
	s := New(context.Background(), 20*time.Millisecond)
	defer s.Stop()
	if s.Interrupted() || s.Err() != nil || s.Message() != "" {
		t.Fatalf("fired early: %v %q", s.Err(), s.Message())
	}
	fired(t, s)
	if !s.Interrupted() || !errors.Is(s.Err(), engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", s.Err())
	}
	if got, want := s.Message(), "request exceeded its 20ms time limit"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if s.FiredFor() < 0 {
		t.Errorf("fired %v ago", s.FiredFor())
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := New(ctx, 0)
	defer s.Stop()
	cancel()
	fired(t, s)
	if !errors.Is(s.Err(), context.Canceled) || errors.Is(s.Err(), engine.ErrTimeout) {
		t.Fatalf("err = %v, want context.Canceled only", s.Err())
	}
	if s.Message() != "request cancelled" {
		t.Errorf("message = %q", s.Message())
	}
}

// The first cause wins: a cancel after the deadline leaves it a timeout.
func TestFiresOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := New(ctx, time.Millisecond)
	defer s.Stop()
	fired(t, s)
	cancel()
	if !errors.Is(s.Err(), engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", s.Err())
	}
}

func TestStopDisarms(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := New(ctx, 10*time.Millisecond)
	s.Stop()
	s.Stop()
	cancel()
	time.Sleep(30 * time.Millisecond)
	if s.Interrupted() {
		t.Fatalf("a stopped signal fired: %v", s.Err())
	}
}

func TestForCleanup(t *testing.T) {
	t.Run("live work lends its deadline and context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		s := New(ctx, time.Hour)
		defer s.Stop()
		c := s.ForCleanup(time.Millisecond)
		defer c.Stop()
		cancel()
		fired(t, c)
		if !errors.Is(c.Err(), context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", c.Err())
		}
	})
	t.Run("interrupted work gives cleanup its grace", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		s := New(ctx, 0)
		defer s.Stop()
		cancel()
		fired(t, s)
		c := s.ForCleanup(50 * time.Millisecond)
		defer c.Stop()
		if c.Interrupted() {
			t.Fatal("cleanup inherited the interruption")
		}
		fired(t, c)
		if got, want := c.Message(), "request exceeded its 50ms time limit"; got != want {
			t.Errorf("message = %q, want %q", got, want)
		}
	})
}

func TestOutcome(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := New(ctx, 0)
	defer s.Stop()
	caught := errors.New("the work's own error")
	if err := s.Outcome(caught); err != caught {
		t.Fatalf("before firing: %v", err)
	}
	cancel()
	fired(t, s)
	if err := s.Outcome(nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("after firing: %v, want the interruption", err)
	}
}

func TestAwait(t *testing.T) {
	t.Run("work that ends", func(t *testing.T) {
		s := New(context.Background(), 0)
		defer s.Stop()
		done := make(chan error, 1)
		want := errors.New("done")
		done <- want
		if err := s.Await(done, Grace{Period: time.Hour}); err != want {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("work that stops within its grace", func(t *testing.T) {
		s := New(context.Background(), time.Millisecond)
		defer s.Stop()
		done := make(chan error, 1)
		var nudges atomic.Int32
		err := s.Await(done, Grace{
			Period: time.Hour,
			Nudge: func() {
				if nudges.Add(1) == 1 {
					done <- errors.New("stopped")
				}
			},
			GiveUp: func() { t.Error("gave up") },
		})
		if err == nil || err.Error() != "stopped" || nudges.Load() != 1 {
			t.Fatalf("err = %v after %d nudges", err, nudges.Load())
		}
	})
	t.Run("work that never stops", func(t *testing.T) {
		s := New(context.Background(), time.Millisecond)
		defer s.Stop()
		var nudges, gaveUp atomic.Int32
		start := time.Now()
		err := s.Await(make(chan error), Grace{
			Period: 100 * time.Millisecond,
			Nudge:  func() { nudges.Add(1) },
			Nudges: 3,
			GiveUp: func() { gaveUp.Add(1) },
		})
		if !errors.Is(err, engine.ErrTimeout) || gaveUp.Load() != 1 {
			t.Fatalf("err = %v, gave up %d times", err, gaveUp.Load())
		}
		// One at once, three more within the period, and maybe one as it
		// ends, racing the timer.
		if n := nudges.Load(); n < 2 || n > 5 {
			t.Errorf("nudged %d times, want 1 and then about 3 more", n)
		}
		if elapsed := time.Since(start); elapsed < 100*time.Millisecond {
			t.Errorf("gave up after %v", elapsed)
		}
	})
	t.Run("without a nudge", func(t *testing.T) {
		s := New(context.Background(), time.Millisecond)
		defer s.Stop()
		gaveUp := false
		if err := s.Await(make(chan error), Grace{Period: 10 * time.Millisecond, GiveUp: func() { gaveUp = true }}); !errors.Is(err, engine.ErrTimeout) || !gaveUp {
			t.Fatalf("err = %v, gave up: %v", err, gaveUp)
		}
	})
}
