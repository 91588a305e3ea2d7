package bridge

import "sync/atomic"

// maxIdle bounds the goroutines kept waiting for the next request.
const maxIdle = 64

// runner runs each request on a goroutine that served an earlier one when
// there is such a goroutine idle: its stack has already grown to what
// serving takes, so a request starts without growing one. Up to maxIdle
// goroutines wait; the others end after their request.
type runner struct {
	jobs chan func()
	idle atomic.Int32
}

func newRunner() runner {
	return runner{jobs: make(chan func())}
}

// run starts job on an idle goroutine or a new one. It never blocks.
// Callers serialize run with stop.
func (p *runner) run(job func()) {
	select {
	case p.jobs <- job:
	default:
		go p.loop(job)
	}
}

func (p *runner) loop(job func()) {
	for {
		job()
		if p.idle.Add(1) > maxIdle {
			p.idle.Add(-1)
			return
		}
		next, ok := <-p.jobs
		p.idle.Add(-1)
		if !ok {
			return
		}
		job = next
	}
}

// stop lets the idle goroutines end; run must not be called after.
func (p *runner) stop() {
	close(p.jobs)
}
