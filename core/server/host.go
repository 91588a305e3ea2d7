package server

import (
	"net/http"
	"time"
)

// ServeHTTP answers one request: a static alias if one covers the path,
// otherwise the WSGI handler. Every request gets an access log line.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := s.ids.next()
	rec := newTrackingWriter(w, s.writeTimeout)
	aborted := s.route(rec, r, id)
	s.logAccess(r, rec, id, start, aborted)
	if aborted {
		// net/http recovers this one silently and closes the connection,
		// so the client sees a truncated response rather than a
		// complete-looking one.
		panic(http.ErrAbortHandler)
	}
}

// route serves the request on the configuration in service and reports
// whether the connection must be cut.
func (s *Server) route(w *trackingWriter, r *http.Request, id string) (abort bool) {
	st := s.acquire()
	if st == nil {
		http.Error(w, "503 service unavailable: shutting down", http.StatusServiceUnavailable)
		return false
	}
	defer st.release()

	if m, rest, ok := findStatic(st.statics, r.URL.Path); ok {
		if err := m.serve(w, r, rest); err != nil {
			s.log.Error("static file", "id", id, "error", err)
		}
		return false
	}
	if !s.limitBody(w, r) {
		return false
	}
	if r.Body != nil && r.Body != http.NoBody {
		// WSGI apps may stream a response while still reading the body
		// (an echo); HTTP/1 in net/http stops reading at the first write
		// unless told otherwise.
		if err := w.rc.EnableFullDuplex(); err != nil {
			s.log.Debug("full duplex unavailable", "id", id, "error", err)
		}
	}
	rw := newResponseWriter(w)
	out := st.handler.Serve(r.Context(), newWSGIRequest(r, id), rw)
	if out.Abort {
		return true
	}
	if !rw.wroteHeader {
		// The handler promises a response; returning without one would
		// let net/http send an empty 200.
		if r.Context().Err() != nil {
			return true
		}
		s.log.Error("handler returned without a response", "id", id, "error", out.Err)
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
	}
	return false
}

// limitBody refuses a body declared larger than the limit before the app
// runs, and caps an undeclared (chunked) one as it is read.
func (s *Server) limitBody(w http.ResponseWriter, r *http.Request) bool {
	if s.maxBody <= 0 || r.Body == nil || r.Body == http.NoBody {
		return true
	}
	if r.ContentLength > s.maxBody {
		// The body stays unread, so the connection cannot be reused.
		w.Header().Set("Connection", "close")
		http.Error(w, "413 request body too large", http.StatusRequestEntityTooLarge)
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
	return true
}
