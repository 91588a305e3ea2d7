package server

import (
	"fmt"
	"net/http"
	"time"
)

// trackingWriter sits under every response, whichever handler writes it
// (WSGI, static files, error pages). It notes the status and bytes for the
// access log, and moves the connection's write deadline forward before each
// write: the timeout bounds one write, so a long download or stream to a
// client that keeps reading is never cut.
type trackingWriter struct {
	http.ResponseWriter
	rc           *http.ResponseController
	writeTimeout time.Duration
	status       int
	bytes        int64
}

func newTrackingWriter(w http.ResponseWriter, writeTimeout time.Duration) *trackingWriter {
	return &trackingWriter{ResponseWriter: w, rc: http.NewResponseController(w), writeTimeout: writeTimeout}
}

func (t *trackingWriter) WriteHeader(code int) {
	if t.status == 0 && code >= 200 {
		t.status = code
	}
	t.extendDeadline()
	t.ResponseWriter.WriteHeader(code)
}

func (t *trackingWriter) Write(p []byte) (int, error) {
	if t.status == 0 {
		t.status = http.StatusOK
	}
	t.extendDeadline()
	n, err := t.ResponseWriter.Write(p)
	t.bytes += int64(n)
	return n, err
}

// FlushError is what http.ResponseController.Flush calls.
func (t *trackingWriter) FlushError() error {
	t.extendDeadline()
	if err := t.rc.Flush(); err != nil {
		return fmt.Errorf("flush response: %w", err)
	}
	return nil
}

// Unwrap lets http.ResponseController reach the connection.
func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

// extendDeadline gives the next write writeTimeout to complete. A writer
// that cannot take deadlines only loses the timeout.
func (t *trackingWriter) extendDeadline() {
	if t.writeTimeout > 0 {
		_ = t.rc.SetWriteDeadline(time.Now().Add(t.writeTimeout))
	}
}
