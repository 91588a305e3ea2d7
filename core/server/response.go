package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gowsgi/gowsgi/core/engine"
)

// responseWriter hands the gateway's response to net/http, which picks the
// framing itself: Content-Length when the app gave one, chunked otherwise.
type responseWriter struct {
	w           http.ResponseWriter
	rc          *http.ResponseController
	wroteHeader bool
	// discardBody is set for statuses that forbid a body (204, 304): what
	// the app yields anyway is dropped rather than failing the request.
	discardBody bool
}

func newResponseWriter(w http.ResponseWriter) *responseWriter {
	return &responseWriter{w: w, rc: http.NewResponseController(w)}
}

// WriteHeader sends the status and headers. net/http cannot send a custom
// reason phrase, so reason is dropped and the standard one goes out.
func (rw *responseWriter) WriteHeader(code int, reason string, headers []engine.Header) error {
	if rw.wroteHeader {
		return errors.New("response headers already sent")
	}
	if code < 200 || code > 599 {
		// A 1xx is informational in net/http: the real response would
		// then go out as an implicit 200.
		return fmt.Errorf("status %d cannot end a response", code)
	}
	h := rw.w.Header()
	for _, hd := range headers {
		// Add canonicalizes, which net/http needs to see the app's
		// Content-Length and frame the body by it.
		h.Add(hd.Name, hd.Value)
	}
	rw.wroteHeader = true
	rw.discardBody = !bodyAllowed(code)
	rw.w.WriteHeader(code)
	return nil
}

func (rw *responseWriter) Write(p []byte) (int, error) {
	if rw.discardBody {
		return len(p), nil
	}
	n, err := rw.w.Write(p)
	if err != nil {
		return n, fmt.Errorf("write response body: %w", err)
	}
	return n, nil
}

func (rw *responseWriter) Flush() error {
	return rw.rc.Flush()
}

// bodyAllowed mirrors RFC 9110: 204 and 304 responses carry no body.
func bodyAllowed(code int) bool {
	return code != http.StatusNoContent && code != http.StatusNotModified
}
