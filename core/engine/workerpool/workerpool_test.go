package workerpool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
)

type fakeWorker struct {
	id       int
	broken   bool
	retired  atomic.Bool
	retireds *atomic.Int32
}

func (w *fakeWorker) Reusable() bool { return !w.broken }

func (w *fakeWorker) Retire() {
	w.retired.Store(true)
	w.retireds.Add(1)
}

// counting makes a pool whose spawn numbers its workers from 1.
func counting(size int) (*Pool[*fakeWorker], *atomic.Int32, *atomic.Int32) {
	var spawned, retired atomic.Int32
	p := New(size, func(*interrupt.Signal) (*fakeWorker, error) {
		return &fakeWorker{id: int(spawned.Add(1)), retireds: &retired}, nil
	})
	return p, &spawned, &retired
}

func request() *interrupt.Signal { return interrupt.New(context.Background(), 0) }

func TestIdleWorkersAreReused(t *testing.T) {
	p, spawned, _ := counting(2)
	w, err := p.Acquire(request())
	if err != nil {
		t.Fatal(err)
	}
	p.Release(w)
	again, err := p.Acquire(request())
	if err != nil || again != w {
		t.Fatalf("got worker %v err %v, want the idle one", again, err)
	}
	if spawned.Load() != 1 {
		t.Errorf("%d workers spawned, want 1", spawned.Load())
	}
	if p.Size() != 2 {
		t.Errorf("Size() = %d", p.Size())
	}
}

func TestPutWorkerServesFirst(t *testing.T) {
	p, spawned, _ := counting(1)
	loaded := &fakeWorker{id: 100}
	p.Put(loaded)
	if w, err := p.Acquire(request()); err != nil || w != loaded {
		t.Fatalf("got %v err %v, want the worker put in", w, err)
	}
	if spawned.Load() != 0 {
		t.Errorf("%d workers spawned", spawned.Load())
	}
}

func TestBegin(t *testing.T) {
	p, _, _ := counting(1)
	w, sig, err := p.Begin(context.Background(), time.Hour)
	if err != nil || w == nil || sig == nil || sig.Interrupted() {
		t.Fatalf("got %v, %v, %v", w, sig, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, sig, err := p.Begin(ctx, 0); !errors.Is(err, context.DeadlineExceeded) || sig != nil {
		t.Fatalf("waiting on a full pool: %v, %v", sig, err)
	}
	p.Release(w)
	sig.Stop()
}

// A full pool makes callers wait, until their signal fires.
func TestAcquireHonoursTheSignal(t *testing.T) {
	p, _, _ := counting(1)
	held, err := p.Acquire(request())
	if err != nil {
		t.Fatal(err)
	}
	sig := interrupt.New(context.Background(), 20*time.Millisecond)
	defer sig.Stop()
	if _, err := p.Acquire(sig); !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	p.Release(held)
	if _, err := p.Acquire(request()); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

// A worker that may not serve again gives its slot to a new one.
func TestUnreusableWorkersAreDropped(t *testing.T) {
	p, spawned, retired := counting(1)
	w, _ := p.Acquire(request())
	w.broken = true
	p.Release(w)
	next, err := p.Acquire(request())
	if err != nil || next == w || spawned.Load() != 2 {
		t.Fatalf("got %v err %v after %d spawns, want a new worker", next, err, spawned.Load())
	}
	if retired.Load() != 0 {
		t.Error("the pool retired a dropped worker: its engine stops it")
	}
}

func TestSpawnFailureFreesTheSlot(t *testing.T) {
	fail := errors.New("no interpreter")
	calls := 0
	p := New(1, func(*interrupt.Signal) (*fakeWorker, error) {
		if calls++; calls == 1 {
			return nil, fail
		}
		return &fakeWorker{}, nil
	})
	if _, err := p.Acquire(request()); !errors.Is(err, fail) {
		t.Fatalf("err = %v", err)
	}
	if _, err := p.Acquire(request()); err != nil {
		t.Fatalf("the failed spawn kept its slot: %v", err)
	}
}

// Close waits for requests in flight, retires the idle workers, and
// refuses requests from then on.
func TestClose(t *testing.T) {
	p, _, retired := counting(2)
	a, _ := p.Acquire(request())
	b, _ := p.Acquire(request())
	p.Release(a)
	closed := make(chan struct{})
	go func() {
		p.Close()
		close(closed)
	}()
	select {
	case <-closed:
		t.Fatal("Close did not wait for the request in flight")
	case <-time.After(20 * time.Millisecond):
	}
	p.Release(b)
	select {
	case <-closed:
	case <-time.After(time.Second):
		t.Fatal("Close never returned")
	}
	if retired.Load() != 2 || !a.retired.Load() || !b.retired.Load() {
		t.Errorf("%d workers retired, want both", retired.Load())
	}
	if _, err := p.Acquire(request()); !errors.Is(err, ErrClosed) {
		t.Fatalf("err = %v, want ErrClosed", err)
	}
}
