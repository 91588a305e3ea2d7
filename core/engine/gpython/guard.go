package gpython

import (
	"sync"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
	// stdlib sets py.VmEvalCode, py.VmRunFrame and the builtins module in
	// its own init, which therefore runs before this package's init.
	_ "github.com/go-python/gpython/stdlib"
)

// gpython has no recursion limit (deep recursion is a fatal Go stack
// overflow) and no way to stop running code. Every Python call and every
// generator step passes through py.VmEvalCode or py.VmRunFrame, so the
// engine wraps both and consults a guard for the context being run.

// recursionError mirrors CPython's RecursionError, a RuntimeError subclass,
// which gpython lacks.
var recursionError = py.RuntimeError.NewType("RecursionError",
	"Recursion limit exceeded.", nil, nil)

// guard is one context's recursion depth and current stop signal. Only the
// worker goroutine that owns the context touches it.
type guard struct {
	limit int
	depth int
	ir    *interrupt.Signal // the running job's, nil between jobs
	// unwindAfter is how long Python may go on running calls after it
	// was interrupted (a loop around a bare except swallows every
	// RequestInterrupted) before the hooks unwind it by force.
	unwindAfter time.Duration
}

// forcedUnwind is the panic that takes the Go stack of a context's Python
// frames down to its worker when raising exceptions did not stop it.
// gpython recovers no panics, so nothing in Python can catch it.
type forcedUnwind struct{}

// guards maps each py.Context this engine made to its guard. The hooks are
// process-wide and see only a py.Context, so this lookup has to be too.
var guards sync.Map

func guardOf(ctx py.Context) *guard {
	if g, ok := guards.Load(ctx); ok {
		return g.(*guard)
	}
	return nil
}

// enter admits one more Python frame, or says why it must not run.
func (g *guard) enter() error {
	if g.ir != nil && g.ir.Interrupted() {
		if g.ir.FiredFor() >= g.unwindAfter {
			panic(forcedUnwind{})
		}
		return interruption(g.ir)
	}
	if g.depth >= g.limit {
		return py.ExceptionNewf(recursionError, "maximum recursion depth exceeded")
	}
	g.depth++
	return nil
}

func (g *guard) leave() { g.depth-- }

func init() {
	evalCode, runFrame := py.VmEvalCode, py.VmRunFrame
	py.VmEvalCode = func(ctx py.Context, code *py.Code, globals, locals py.StringDict, args []py.Object, kws py.StringDict, defs []py.Object, kwdefs py.StringDict, closure py.Tuple) (py.Object, error) {
		g := guardOf(ctx)
		if g == nil {
			return evalCode(ctx, code, globals, locals, args, kws, defs, kwdefs, closure)
		}
		if err := g.enter(); err != nil {
			return nil, err
		}
		defer g.leave()
		return evalCode(ctx, code, globals, locals, args, kws, defs, kwdefs, closure)
	}
	py.VmRunFrame = func(frame *py.Frame) (py.Object, error) {
		g := guardOf(frame.Context)
		if g == nil {
			return runFrame(frame)
		}
		if err := g.enter(); err != nil {
			return nil, err
		}
		defer g.leave()
		return runFrame(frame)
	}

	// Scripts can catch it by name, as in CPython.
	py.GetModuleImpl("builtins").Globals["RecursionError"] = recursionError
}
