package gpython

import (
	"sync/atomic"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
)

// requestScope ties the Python objects of one request (start_response,
// write, wsgi.input, wsgi.errors) to that request's callbacks, and
// refuses them once the request is interrupted or over: an app may keep
// references, and an abandoned context may still be running.
type requestScope struct {
	req *engine.Request
	ir  *interrupt.Signal
	// over is set once the result is closed; atomic because an abandoned
	// context may still be running and reading it.
	over atomic.Bool
}

// usable returns the exception to raise instead of serving what.
func (s *requestScope) usable(what string) error {
	if s.over.Load() {
		return py.ExceptionNewf(py.RuntimeError, "%s used after its request finished", what)
	}
	return interruption(s.ir)
}
