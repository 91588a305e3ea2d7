//go:build cgo && cpython

package cpython

import (
	"sync"
	"sync/atomic"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
)

// requestScope is one request as its Python objects (start_response,
// write, wsgi.input, wsgi.errors) reach it: they hold only its id, and
// the scope refuses them once the request is interrupted or over.
type requestScope struct {
	id  uint64
	req *engine.Request
	ir  *interrupt.Signal // the request's own
	// guard is the interrupt whose firing refuses Python's calls: the
	// request's, then close()'s, which gets its own time once the
	// request was interrupted.
	guard atomic.Pointer[interrupt.Signal]
	// mu is held while Python uses the gateway, so ending the scope waits
	// for a call in progress: the thread of an abandoned request may still
	// be running the app, and the gateway's state is not shared.
	mu   sync.Mutex
	over bool
}

// end refuses every later use and forgets the id.
func (s *requestScope) end() {
	s.mu.Lock()
	s.over = true
	s.mu.Unlock()
	python.scopes.forget(s.id)
}

// registry maps the ids Python holds to live requests.
type registry struct {
	mu     sync.Mutex
	last   uint64
	scopes map[uint64]*requestScope
}

// open registers a request and returns its scope.
func (r *registry) open(req *engine.Request, ir *interrupt.Signal) *requestScope {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.scopes == nil {
		r.scopes = make(map[uint64]*requestScope)
	}
	r.last++
	s := &requestScope{id: r.last, req: req, ir: ir}
	s.guard.Store(ir)
	r.scopes[s.id] = s
	return s
}

func (r *registry) forget(id uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.scopes, id)
}

// enter returns the request for a use of what, locked until its leave, or
// the exception Python must raise instead.
func (r *registry) enter(id uint64, what string) (*requestScope, *pyRaise) {
	r.mu.Lock()
	s := r.scopes[id]
	r.mu.Unlock()
	if s == nil {
		return nil, finished(what)
	}
	s.mu.Lock()
	if s.over {
		s.mu.Unlock()
		return nil, finished(what)
	}
	if refused := refusal(s.guard.Load()); refused != nil {
		s.mu.Unlock()
		return nil, refused
	}
	return s, nil
}

func (s *requestScope) leave() { s.mu.Unlock() }

func finished(what string) *pyRaise {
	return &pyRaise{kind: raiseRuntimeError, message: what + " used after its request finished"}
}

// refusal is what Python raises instead of serving a request once ir
// fired, nil while it may go on.
func refusal(ir *interrupt.Signal) *pyRaise {
	if msg := ir.Message(); msg != "" {
		return &pyRaise{kind: raiseInterrupted, message: msg}
	}
	return nil
}
