package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// echoBody answers 200 with the request body, or 500 when reading it fails.
func echoBody(_ context.Context, req *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return respond(http.StatusInternalServerError, "read: "+err.Error())(context.Background(), req, w)
		}
	}
	return respond(http.StatusOK, string(body))(context.Background(), req, w)
}

func TestBodyLimit(t *testing.T) {
	tests := []struct {
		name       string
		limit      int64
		body       string
		chunked    bool
		wantStatus int
		wantCalls  int32
		wantBody   string
	}{
		{name: "declared length within the limit", limit: 10, body: "0123456789", wantStatus: 200, wantCalls: 1, wantBody: "0123456789"},
		{name: "declared length above the limit", limit: 10, body: "0123456789A", wantStatus: 413, wantCalls: 0},
		{name: "chunked body within the limit", limit: 10, body: "abc", chunked: true, wantStatus: 200, wantCalls: 1, wantBody: "abc"},
		{name: "chunked body above the limit fails the read", limit: 10, body: strings.Repeat("x", 64), chunked: true, wantStatus: 500, wantCalls: 1, wantBody: "read: http: request body too large"},
		{name: "no limit", limit: 0, body: strings.Repeat("y", 4096), wantStatus: 200, wantCalls: 1, wantBody: strings.Repeat("y", 4096)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(echoBody)
			s := newTestServer(t, nil, Options{MaxBodySize: tt.limit}, fake)
			ts := httptest.NewServer(s)
			defer ts.Close()

			var body io.Reader = strings.NewReader(tt.body)
			if tt.chunked {
				// A reader of unknown size makes the client send chunks.
				body = io.MultiReader(body)
			}
			req, err := http.NewRequest(http.MethodPost, ts.URL+"/upload", body)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatalf("POST: %v", err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if c := fake.calls.Load(); c != tt.wantCalls {
				t.Errorf("handler calls = %d, want %d", c, tt.wantCalls)
			}
			if tt.wantBody != "" && string(got) != tt.wantBody {
				t.Errorf("body = %q, want %q", got, tt.wantBody)
			}
		})
	}
}

func TestAbortTruncatesResponse(t *testing.T) {
	tests := []struct {
		name    string
		headers []engine.Header
	}{
		{name: "declared length", headers: []engine.Header{{Name: "Content-Length", Value: "100"}}},
		{name: "chunked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(func(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
				if err := w.WriteHeader(200, "OK", tt.headers); err != nil {
					return wsgi.Outcome{Err: err}
				}
				n, _ := w.Write([]byte("partial"))
				_ = w.Flush()
				return wsgi.Outcome{Status: 200, Bytes: int64(n), Abort: true, Err: errors.New("app raised mid-stream")}
			})
			s := newTestServer(t, nil, Options{}, fake)
			ts := httptest.NewServer(s)
			defer ts.Close()

			resp, err := ts.Client().Get(ts.URL + "/")
			if err != nil {
				t.Fatalf("GET: %v", err)
			}
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("read error = %v, want unexpected EOF (body %q)", err, got)
			}
			if string(got) != "partial" {
				t.Errorf("body = %q, want the bytes sent before the abort", got)
			}
		})
	}
}

// TestLongStreamOutlivesWriteTimeout checks that the write timeout bounds
// each write, not the whole response.
func TestLongStreamOutlivesWriteTimeout(t *testing.T) {
	const chunks = 6
	fake := newFake(func(_ context.Context, _ *wsgi.Request, w wsgi.ResponseWriter) wsgi.Outcome {
		if err := w.WriteHeader(200, "OK", nil); err != nil {
			return wsgi.Outcome{Err: err}
		}
		var total int64
		for i := 0; i < chunks; i++ {
			n, err := w.Write([]byte("tick\n"))
			total += int64(n)
			if err == nil {
				err = w.Flush()
			}
			if err != nil {
				return wsgi.Outcome{Status: 200, Bytes: total, Abort: true, Err: err}
			}
			time.Sleep(60 * time.Millisecond)
		}
		return wsgi.Outcome{Status: 200, Bytes: total}
	})
	s := newTestServer(t, nil, Options{WriteTimeout: 150 * time.Millisecond}, fake)
	ts := httptest.NewUnstartedServer(s)
	ts.Config = s.http
	ts.Start()
	defer ts.Close()

	resp, err := ts.Client().Get(ts.URL + "/stream")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if want := strings.Repeat("tick\n", chunks); string(got) != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}

func TestResponseWriter(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		headers    []engine.Header
		body       string
		wantErr    bool
		wantStatus int
		wantBody   string
		wantHeader map[string]string
	}{
		{
			name: "headers and body", status: 201,
			headers:    []engine.Header{{Name: "content-type", Value: "text/plain"}, {Name: "X-Multi", Value: "a"}, {Name: "X-Multi", Value: "b"}},
			body:       "made",
			wantStatus: 201, wantBody: "made",
			wantHeader: map[string]string{"Content-Type": "text/plain", "X-Multi": "a"},
		},
		{name: "204 drops a body", status: 204, body: "ignored", wantStatus: 204},
		{name: "304 drops a body", status: 304, body: "ignored", wantStatus: 304},
		{name: "1xx cannot end a response", status: 103, wantErr: true, wantStatus: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			rw := newResponseWriter(rec)
			err := rw.WriteHeader(tt.status, "Whatever", tt.headers)
			if (err != nil) != tt.wantErr {
				t.Fatalf("WriteHeader error = %v, want error %v", err, tt.wantErr)
			}
			if err == nil {
				if _, err := rw.Write([]byte(tt.body)); err != nil {
					t.Fatalf("Write: %v", err)
				}
				if err := rw.WriteHeader(200, "OK", nil); err == nil {
					t.Error("second WriteHeader succeeded")
				}
			}
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if rec.Body.String() != tt.wantBody {
				t.Errorf("body = %q, want %q", rec.Body.String(), tt.wantBody)
			}
			for k, v := range tt.wantHeader {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if tt.name == "headers and body" && len(rec.Header().Values("X-Multi")) != 2 {
				t.Errorf("X-Multi values = %q, want both", rec.Header().Values("X-Multi"))
			}
		})
	}
}

func TestHandlerWithoutResponseGets500(t *testing.T) {
	fake := newFake(func(context.Context, *wsgi.Request, wsgi.ResponseWriter) wsgi.Outcome {
		return wsgi.Outcome{Err: errors.New("lost")}
	})
	s := newTestServer(t, nil, Options{}, fake)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", rec.Code)
	}
}

func TestAccessLog(t *testing.T) {
	var out enginetest.LogBuffer
	fake := newFake(respond(http.StatusAccepted, "12345"))
	s := newTestServer(t, nil, Options{Logger: testLogger(&out)}, fake)
	req := httptest.NewRequest(http.MethodPut, "/a%2Fb?secret=1", nil)
	req.RemoteAddr = "192.0.2.4:999"
	s.ServeHTTP(httptest.NewRecorder(), req)

	line := out.String()
	for _, want := range []string{
		"[INFO]", "test.access: request:", "method=PUT", "/a%2Fb", "status=202",
		"bytes=5", "duration=", "id=" + s.ids.prefix + "-", "remote=192.0.2.4:999",
	} {
		if !strings.Contains(line, want) {
			t.Errorf("access log %q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "secret") {
		t.Errorf("access log %q carries the query string", line)
	}
}

func TestRequestIDsAreUnique(t *testing.T) {
	ids := newRequestIDs()
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := ids.next()
		if seen[id] {
			t.Fatalf("id %s repeated", id)
		}
		seen[id] = true
	}
	if other := newRequestIDs(); other.prefix == ids.prefix {
		t.Errorf("two servers share the id prefix %s", ids.prefix)
	}
	if got := ids.next(); len(got) > 16 {
		t.Errorf("id %q is not short", got)
	}
}
