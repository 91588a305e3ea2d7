package rewrite

import (
	"github.com/go-python/gpython/py"
)

// contextState is what the helpers remember per interpreter context. It
// lives in the context's builtins module, which the helpers are bound to
// and which sys.exc_info reaches through its own module's context; only
// the goroutine running the context touches it.
type contextState struct {
	// handled holds the exceptions being handled, innermost last, as
	// except handlers report them.
	handled []py.Object
	// kwargsOrder is the order of the keyword arguments of the call in
	// progress, for a **kwargs parameter to take.
	kwargsOrder []string
	// iterFailure is the error that ended a checked loop, for the code
	// after the loop to raise.
	iterFailure error
}

const stateKey = "__gowsgi_state__"

var contextStateType = py.NewType("gowsgi_state", "state of the rewriter's helpers in a context")

func (*contextState) Type() *py.Type { return contextStateType }

// stateIn returns the state kept in a builtins module, making it on first
// use.
func stateIn(builtins py.Object) (*contextState, error) {
	m, ok := builtins.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "rewriter helper called without its module")
	}
	return stateOfModule(m), nil
}

func stateOfModule(m *py.Module) *contextState {
	if s, ok := m.Globals[stateKey].(*contextState); ok {
		return s
	}
	s := &contextState{}
	m.Globals[stateKey] = s
	return s
}
