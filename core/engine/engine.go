// Package engine is the seam between the WSGI gateway and a Python
// interpreter. The gateway (core/wsgi) speaks only to these interfaces; an
// implementation (gpython, cpython) turns them into Python objects and calls.
//
// Strings crossing this seam are Go strings whose code points are what Python
// sees: environ values arrive already mapped byte-for-byte to U+0000..U+00FF
// (PEP 3333's "bytes in str"), and status and header strings leave as the
// Python str the app produced. Body data crosses as []byte.
package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/hashicorp/go-hclog"
)

// Engine loads WSGI applications into an interpreter.
type Engine interface {
	// Name is what users type in WSGIEngine.
	Name() string
	// Load compiles the script, runs it once per interpreter context and
	// finds its callable. A *ScriptError reports Python-level failures.
	Load(spec Spec) (App, error)
}

// Spec says what to load and how to run it.
type Spec struct {
	Script     string   // absolute path of the WSGI script
	Callable   string   // name of the WSGI callable in the script
	PythonPath []string // extra sys.path entries, after the script's directory
	Threads    int      // requests that may run in parallel in this app
	// RequestTimeout bounds one request's time in Python (call and
	// iteration). Zero means no limit.
	RequestTimeout time.Duration
	Logger         hclog.Logger

	// PythonHome is WSGIPythonHome: the prefix, or virtual environment, an
	// embedded interpreter starts from. It is process-wide: the cpython
	// engine takes the first one it starts with and refuses a different one
	// later; gpython ignores it.
	PythonHome string
}

// App is a loaded application.
type App interface {
	// Call runs callable(environ, start_response). The returned Result owns
	// an interpreter context until Result.Close; callers must close it.
	// ctx cancellation (client gone, shutdown) and the Spec's timeout stop
	// Python at its next call or generator step.
	Call(ctx context.Context, req *Request) (Result, error)
	// Close releases the app's interpreters once in-flight calls are done.
	Close() error
}

// Result is the iterable an app returned.
type Result interface {
	// Next returns the next chunk of body; io.EOF once exhausted. Empty
	// chunks are legal and returned as such.
	Next() ([]byte, error)
	// Close calls the iterable's close() if it has one and gives the
	// interpreter context back. The gateway calls it exactly once.
	Close() error
}

// Precomputed is implemented by a Result whose remaining chunks are already
// in memory (the app returned a list or tuple). The gateway then need not
// flush between chunks, so a host can still frame the body with a length.
type Precomputed interface {
	Precomputed() bool
}

// Header is one response header as the app gave it.
type Header struct {
	Name, Value string
}

// Request is everything the app sees of one request, and the gateway's
// callbacks behind start_response, write(), wsgi.input and wsgi.errors.
type Request struct {
	// Environ holds the CGI and HTTP_* variables (all str in Python).
	Environ Environ
	// URLScheme is wsgi.url_scheme.
	URLScheme string
	// Multithread, Multiprocess and RunOnce become wsgi.multithread etc.
	Multithread, Multiprocess, RunOnce bool
	// InputTerminated becomes wsgi.input_terminated.
	InputTerminated bool
	Input           Input
	Errors          Errors
	// StartResponse validates and records status and headers. excInfo says
	// whether the app passed an exc_info tuple. ErrReraise means the
	// engine must raise that exc_info's exception in the app; any other
	// error is raised as a Python exception carrying its message.
	StartResponse func(status string, headers []Header, excInfo bool) error
	// Write is the legacy write() callable returned by start_response.
	Write func(p []byte) error
}

// Input is wsgi.input: reads never go past the request body's end.
type Input interface {
	// Read returns up to n bytes, or the rest of the body when n < 0; an
	// empty slice means end of body.
	Read(n int) ([]byte, error)
	// ReadLine returns one line including its newline, at most limit
	// bytes when limit >= 0.
	ReadLine(limit int) ([]byte, error)
	// ReadLines returns lines until end of body, or until their total size
	// reaches hint when hint > 0.
	ReadLines(hint int) ([][]byte, error)
	// GetValue returns the part of the body not read yet (all of it when
	// nothing was read), for code written against BytesIO containers.
	GetValue() ([]byte, error)
}

// Errors is wsgi.errors.
type Errors interface {
	Write(s string)
	Flush()
}

// ErrReraise tells the engine to raise the exc_info given to start_response:
// headers were already sent, so PEP 3333 says the error must propagate.
var ErrReraise = errors.New("start_response called with exc_info after headers were sent")

// ScriptError is a Python-level failure: a script that does not compile or
// whose callable raised. It carries what operators need to find it.
type ScriptError struct {
	File      string // script or module where it happened
	Line      int    // 0 when unknown
	Message   string // "NameError: name 'x' is not defined"
	Traceback string // the formatted Python traceback, when there is one
}

func (e *ScriptError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	if e.File != "" {
		return fmt.Sprintf("%s: %s", e.File, e.Message)
	}
	return e.Message
}

// ErrTimeout is returned (wrapped) when a request ran past its time limit.
var ErrTimeout = errors.New("request timed out")

// ErrNotCompiled is returned by New for an engine this binary lacks.
var ErrNotCompiled = errors.New("engine is not compiled into this build")

// Factory makes an engine. A host makes each engine it needs once and keeps
// it; an engine backed by a process-wide interpreter shares it internally.
type Factory func(log hclog.Logger) (Engine, error)

// registry is written only by Register, from implementations' init.
var registry = map[string]Factory{}

// known are the engines gowsgi has, whether or not this build compiled them.
var known = map[string]bool{"gpython": true, "cpython": true}

// Register makes an engine available under name. Call it only from init.
func Register(name string, f Factory) {
	registry[name] = f
}

// Known reports whether name is an engine gowsgi has, compiled in or not.
func Known(name string) bool { return known[name] }

// Names lists the engines compiled into this build.
func Names() []string {
	var names []string
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New makes the named engine.
func New(name string, log hclog.Logger) (Engine, error) {
	f, ok := registry[name]
	if !ok {
		if known[name] {
			return nil, fmt.Errorf("engine %q: %w", name, ErrNotCompiled)
		}
		return nil, fmt.Errorf("unknown engine %q", name)
	}
	e, err := f(log)
	if err != nil {
		return nil, fmt.Errorf("engine %q: %w", name, err)
	}
	return e, nil
}
