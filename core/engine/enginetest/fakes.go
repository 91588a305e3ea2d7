package enginetest

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Input is an engine.Input over a fixed body.
type Input struct {
	Body []byte
	Err  error // returned by every call when set
	pos  int
}

func (in *Input) rest() []byte { return in.Body[in.pos:] }

func (in *Input) Read(n int) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	rest := in.rest()
	if n < 0 || n > len(rest) {
		n = len(rest)
	}
	in.pos += n
	return bytes.Clone(rest[:n]), nil
}

func (in *Input) ReadLine(limit int) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	rest := in.rest()
	n := len(rest)
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		n = i + 1
	}
	if limit >= 0 && n > limit {
		n = limit
	}
	in.pos += n
	return bytes.Clone(rest[:n]), nil
}

func (in *Input) ReadLines(hint int) ([][]byte, error) {
	var lines [][]byte
	total := 0
	for {
		line, err := in.ReadLine(-1)
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			return lines, nil
		}
		lines = append(lines, line)
		if total += len(line); hint > 0 && total >= hint {
			return lines, nil
		}
	}
}

func (in *Input) GetValue() ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	return bytes.Clone(in.rest()), nil
}

// Errors is an engine.Errors that records what was written. Python that an
// engine abandoned may still write to it, hence the lock.
type Errors struct {
	mu      sync.Mutex
	text    strings.Builder
	flushes int
}

func (e *Errors) Write(s string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.text.WriteString(s)
}

func (e *Errors) Flush() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.flushes++
}

// String is everything written so far.
func (e *Errors) String() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.text.String()
}

// Flushes counts the calls to Flush.
func (e *Errors) Flushes() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.flushes
}

// Exchange records what an app did with one request, through the callbacks
// of the engine.Request it makes.
type Exchange struct {
	// StartErr, when set, is what StartResponse returns for its call-th
	// call (from 1); a nil answer records the status and headers.
	StartErr func(call int, excInfo bool) error
	// Errors is the request's wsgi.errors.
	Errors Errors

	mu      sync.Mutex
	status  string
	headers []engine.Header
	calls   int
	written bytes.Buffer
}

// Request makes a request with environ (none when nil) and a body.
func (x *Exchange) Request(environ map[string]string, body string) *engine.Request {
	return &engine.Request{
		Environ:   engine.EnvironOf(environ),
		URLScheme: "http",
		Input:     &Input{Body: []byte(body)},
		Errors:    &x.Errors,
		StartResponse: func(status string, headers []engine.Header, excInfo bool) error {
			x.mu.Lock()
			defer x.mu.Unlock()
			x.calls++
			if x.StartErr != nil {
				if err := x.StartErr(x.calls, excInfo); err != nil {
					return err
				}
			}
			x.status, x.headers = status, headers
			return nil
		},
		Write: func(p []byte) error {
			x.mu.Lock()
			defer x.mu.Unlock()
			x.written.Write(p)
			return nil
		},
	}
}

// Status is the status start_response recorded last.
func (x *Exchange) Status() string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.status
}

// Headers are the headers start_response recorded last.
func (x *Exchange) Headers() []engine.Header {
	x.mu.Lock()
	defer x.mu.Unlock()
	return slices.Clone(x.headers)
}

// Calls counts the calls to start_response, refused ones included.
func (x *Exchange) Calls() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.calls
}

// Written is what the app sent through write().
func (x *Exchange) Written() string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.written.String()
}

// Query makes a request whose QUERY_STRING is query, for scripts that
// take their orders from it.
func Query(query string) *engine.Request {
	var x Exchange
	return x.Request(map[string]string{"QUERY_STRING": query}, "")
}
