package server

import (
	"net/http"
	"time"
)

// logAccess writes the request's access log line. The query string is left
// out: it often carries tokens that do not belong in logs.
func (s *Server) logAccess(r *http.Request, rec *trackingWriter, id string, start time.Time, aborted bool) {
	path, _ := splitRequestURI(r.RequestURI)
	if path == "" {
		path = r.URL.EscapedPath()
	}
	fields := []any{
		"method", r.Method,
		"path", path,
		"status", rec.status,
		"bytes", rec.bytes,
		"duration", time.Since(start),
		"id", id,
		"remote", r.RemoteAddr,
	}
	if aborted {
		fields = append(fields, "aborted", true)
	}
	s.accessLog.Info("request", fields...)
}
