//go:build cgo && cpython

package cpython

/*
#cgo pkg-config: python3-embed
#include <stdlib.h>
#include "bridge.h"
*/
import "C"

import (
	_ "embed"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"unsafe"

	"github.com/hashicorp/go-hclog"
)

// runtimeSource is the Python half of the engine, run into _gowsgi.
//
//go:embed runtime.py
var runtimeSource string

// interpreter is CPython's runtime, of which a process has exactly one:
// started once, never finalised (the process exit ends it).
type interpreter struct {
	once sync.Once
	err  error
	home string // the PythonHome it started from
	log  hclog.Logger
	// jobs run on the thread that started Python, holding the GIL.
	jobs chan func()
	// scopes are the requests whose Python objects may call back into Go.
	scopes registry
}

// python is the process's interpreter, and the package's only mutable
// global: CPython itself is process-wide.
var python = &interpreter{jobs: make(chan func())}

// start starts the interpreter on first use. Later calls share it, and
// may not ask for another home.
func (p *interpreter) start(home string, log hclog.Logger) error {
	p.once.Do(func() {
		p.home, p.log = home, log
		ready := make(chan error)
		go p.mainThread(ready)
		p.err = <-ready
	})
	if p.err != nil {
		return p.err
	}
	if home != "" && filepath.Clean(home) != filepath.Clean(p.home) {
		running := "its default installation"
		if p.home != "" {
			running = p.home
		}
		return fmt.Errorf("WSGIPythonHome %s: the process's interpreter already runs from %s, and a process has only one", home, running)
	}
	return nil
}

// mainThread starts Python and then serves jobs. Its OS thread stays locked
// for the life of the process: it holds Python's main thread state, which
// no other goroutine's C calls must pick up.
func (p *interpreter) mainThread(ready chan<- error) {
	runtime.LockOSThread()
	if err := p.initialize(); err != nil {
		ready <- fmt.Errorf("starting CPython: %w", err)
		return
	}
	C.PyEval_SaveThread()
	ready <- nil
	for job := range p.jobs {
		gil := C.PyGILState_Ensure()
		job()
		C.PyGILState_Release(gil)
	}
}

// initialize runs Py_InitializeFromConfig (Py_InitializeEx(0)'s settings:
// no signal handlers) and makes the _gowsgi module. It returns holding the
// GIL.
func (p *interpreter) initialize() error {
	program, home, err := pythonLocation(p.home)
	if err != nil {
		return err
	}
	cProgram, cHome := optionalCString(program), optionalCString(home)
	defer C.free(unsafe.Pointer(cProgram))
	defer C.free(unsafe.Pointer(cHome))
	if msg := C.gwpy_initialize(cProgram, cHome); msg != nil {
		defer C.free(unsafe.Pointer(msg))
		if p.home != "" {
			return fmt.Errorf("WSGIPythonHome %s: %s", p.home, C.GoString(msg))
		}
		return errors.New(C.GoString(msg))
	}
	source := C.CString(runtimeSource)
	defer C.free(unsafe.Pointer(source))
	if C.gwpy_module_init(source) < 0 {
		return fmt.Errorf("making the _gowsgi module: %w", pythonError())
	}
	version, prefix, executable := interpreterInfo()
	p.log.Info("CPython started", "version", version, "prefix", prefix, "executable", executable,
		"python_home", p.home)
	return nil
}

// interpreterInfo describes the running interpreter for the log.
func interpreterInfo() (version, prefix, executable string) {
	name := C.CString("interpreter_info")
	defer C.free(unsafe.Pointer(name))
	info := C.gwpy_runtime_call(name, nil)
	if info == nil {
		C.PyErr_Clear()
		return "", "", ""
	}
	defer C.Py_DecRef(info)
	return tupleString(info, 0), tupleString(info, 1), tupleString(info, 2)
}

// do runs fn on the main thread holding the GIL, and waits for it.
func (p *interpreter) do(fn func()) {
	done := make(chan struct{})
	p.jobs <- func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				p.log.Error("recovered a Go panic on the interpreter's main thread", "panic", r)
			}
		}()
		fn()
	}
	<-done
}

// optionalCString is C.CString, or NULL for "". Free it with C.free.
func optionalCString(s string) *C.char {
	if s == "" {
		return nil
	}
	return C.CString(s)
}
