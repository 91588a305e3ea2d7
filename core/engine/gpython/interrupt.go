package gpython

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/interrupt"
)

// requestInterrupted is what Python sees when its request must stop. It
// derives from BaseException, like KeyboardInterrupt, so that a bare
// "except Exception" in the app does not swallow it.
var requestInterrupted = py.BaseException.NewType("RequestInterrupted",
	"The request ran past its time limit or was cancelled.", nil, nil)

// interruption is the exception the VM hooks and the request's callables
// raise once ir fired, nil while the work may go on.
func interruption(ir *interrupt.Signal) error {
	if msg := ir.Message(); msg != "" {
		return py.ExceptionNewf(requestInterrupted, "%s", msg)
	}
	return nil
}
