// Package wsgi is the server side of PEP 3333: it builds the environ from a
// host's request, validates start_response, iterates the app's result and
// streams it back to the host. Hosts (the standalone server, the C shim)
// move bytes; an engine runs Python; everything in between lives here.
package wsgi

import (
	"io"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Field is one request header as received.
type Field struct {
	Name, Value string
}

// Request is a host's view of one HTTP request.
type Request struct {
	ID       string // request id for logs
	Method   string
	Path     string // the path as sent, still percent-encoded, no query
	Query    string // without the '?'
	Protocol string // "HTTP/1.1"
	Header   []Field
	// ContentLength is the body's declared length, -1 when unknown
	// (chunked). Body is nil when there is no body.
	ContentLength int64
	Body          io.Reader
	ServerName    string
	ServerPort    string
	RemoteAddr    string
	RemotePort    string
	TLS           bool
	// Vars are extra CGI variables the host knows (REMOTE_USER, AUTH_TYPE…).
	Vars map[string]string
}

// ResponseWriter is how the gateway hands a response back to its host.
type ResponseWriter interface {
	// WriteHeader sends the status line and headers. It is called once,
	// before any body. reason is the app's reason phrase.
	WriteHeader(code int, reason string, headers []engine.Header) error
	// Write sends body bytes; an error means the client has gone.
	Write(p []byte) (int, error)
	// Flush pushes buffered body bytes to the client.
	Flush() error
}

// Outcome is how a request ended, for the access log and the host.
type Outcome struct {
	Status int   // status sent (or 0 when nothing was)
	Bytes  int64 // body bytes sent
	// Abort means the response could not be completed after bytes were
	// sent: the host must cut the connection so the client sees a
	// truncated response, never a clean one.
	Abort bool
	Err   error // what went wrong, if anything (already logged)
}
