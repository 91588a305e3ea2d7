package wsgi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

func hdr(kv ...string) []engine.Header {
	var hs []engine.Header
	for i := 0; i+1 < len(kv); i += 2 {
		hs = append(hs, engine.Header{Name: kv[i], Value: kv[i+1]})
	}
	return hs
}

func chunks(s ...string) [][]byte {
	var out [][]byte
	for _, c := range s {
		out = append(out, []byte(c))
	}
	return out
}

func TestServe(t *testing.T) {
	errApp := &engine.ScriptError{File: "app.py", Line: 3, Message: "ValueError: boom"}
	tests := []struct {
		name       string
		method     string
		run        func(req *engine.Request) ([][]byte, error)
		nextErr    error
		failFrom   int
		wantCode   int
		wantBody   string
		wantAbort  bool
		wantHeader map[string]string
	}{
		{
			name: "plain list",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("Hello, ", "world"), req.StartResponse("200 OK", hdr("Content-Type", "text/plain"), false)
			},
			wantCode: 200, wantBody: "Hello, world", wantHeader: map[string]string{"Content-Type": "text/plain"},
		},
		{
			name: "write callable output comes first",
			run: func(req *engine.Request) ([][]byte, error) {
				if err := req.StartResponse("200 OK", nil, false); err != nil {
					return nil, err
				}
				return chunks("after"), req.Write([]byte("before-"))
			},
			wantCode: 200, wantBody: "before-after",
		},
		{
			name: "empty first chunk does not block headers",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("", "data"), req.StartResponse("201 Created", nil, false)
			},
			wantCode: 201, wantBody: "data",
		},
		{
			name: "body clipped at Content-Length",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("0123456789"), req.StartResponse("200 OK", hdr("Content-Length", "5"), false)
			},
			wantCode: 200, wantBody: "01234",
		},
		{
			name: "short body against Content-Length is cut",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("012"), req.StartResponse("200 OK", hdr("Content-Length", "5"), false)
			},
			wantCode: 200, wantBody: "012", wantAbort: true,
		},
		{
			name:   "HEAD sends headers only",
			method: "HEAD",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("hidden"), req.StartResponse("200 OK", hdr("Content-Length", "6"), false)
			},
			wantCode: 200, wantBody: "", wantHeader: map[string]string{"Content-Length": "6"},
		},
		{
			name: "bad status is a 500",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("x"), req.StartResponse("200", nil, false)
			},
			wantCode: 500, wantBody: "500 Internal Server Error\n",
		},
		{
			name: "CRLF in a header value is a 500, never a split header",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("x"), req.StartResponse("200 OK", hdr("X-A", "a\r\nSet-Cookie: evil"), false)
			},
			wantCode: 500, wantBody: "500 Internal Server Error\n",
		},
		{
			name: "app that swallows a start_response error still gets a 500",
			run: func(req *engine.Request) ([][]byte, error) {
				_ = req.StartResponse("200 OK", hdr("Bad Name", "v"), false)
				return chunks("ignored"), nil
			},
			wantCode: 500, wantBody: "500 Internal Server Error\n",
		},
		{
			name: "exc_info before headers replaces the response",
			run: func(req *engine.Request) ([][]byte, error) {
				if err := req.StartResponse("200 OK", nil, false); err != nil {
					return nil, err
				}
				return chunks("oops"), req.StartResponse("503 Busy", hdr("Retry-After", "1"), true)
			},
			wantCode: 503, wantBody: "oops", wantHeader: map[string]string{"Retry-After": "1"},
		},
		{
			name: "second start_response without exc_info is an error",
			run: func(req *engine.Request) ([][]byte, error) {
				_ = req.StartResponse("200 OK", nil, false)
				return chunks("x"), req.StartResponse("200 OK", nil, false)
			},
			wantCode: 500,
		},
		{
			name: "exception before the first byte is a 500",
			run: func(req *engine.Request) ([][]byte, error) {
				return nil, errApp
			},
			wantCode: 500, wantBody: "500 Internal Server Error\n",
		},
		{
			name: "exception after the first byte cuts the response",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("partial"), req.StartResponse("200 OK", nil, false)
			},
			nextErr:  errApp,
			wantCode: 200, wantBody: "partial", wantAbort: true,
		},
		{
			name: "timeout before any byte is a 504",
			run: func(req *engine.Request) ([][]byte, error) {
				return nil, errors.Join(engine.ErrTimeout)
			},
			wantCode: 504,
		},
		{
			name: "no start_response is a 500",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("x"), nil
			},
			wantCode: 500,
		},
		{
			name: "hop-by-hop headers are dropped",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("x"), req.StartResponse("200 OK", hdr("Connection", "close", "X-Ok", "1"), false)
			},
			wantCode: 200, wantBody: "x", wantHeader: map[string]string{"Connection": "", "X-Ok": "1"},
		},
		{
			name: "client gone mid-stream",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("a", "b", "c"), req.StartResponse("200 OK", nil, false)
			},
			failFrom: 2,
			wantCode: 200, wantBody: "a", wantAbort: true,
		},
		{
			name: "204 carries no body",
			run: func(req *engine.Request) ([][]byte, error) {
				return chunks("ignored"), req.StartResponse("204 No Content", nil, false)
			},
			wantCode: 204, wantBody: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := &fakeApp{run: tt.run, nextErr: tt.nextErr}
			w := &recorder{failFrom: tt.failFrom}
			method := tt.method
			if method == "" {
				method = "GET"
			}
			req := &Request{ID: "r1", Method: method, Path: "/", Protocol: "HTTP/1.1", ContentLength: -1}
			out := Serve(context.Background(), app, req, "", "/", w, Options{})
			if w.code != tt.wantCode {
				t.Errorf("status = %d, want %d", w.code, tt.wantCode)
			}
			if tt.wantBody != "" || tt.wantCode < 500 {
				if got := w.body.String(); got != tt.wantBody {
					t.Errorf("body = %q, want %q", got, tt.wantBody)
				}
			}
			if out.Abort != tt.wantAbort {
				t.Errorf("abort = %v, want %v", out.Abort, tt.wantAbort)
			}
			for k, v := range tt.wantHeader {
				if got := w.header(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if app.returned && app.closed != 1 {
				t.Errorf("close() called %d times, want exactly 1", app.closed)
			}
		})
	}
}

func TestServeExcInfoAfterHeadersReraises(t *testing.T) {
	var reraised error
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		_ = req.StartResponse("200 OK", nil, false)
		_ = req.Write([]byte("sent"))
		reraised = req.StartResponse("500 Oops", nil, true)
		return nil, reraised
	}}
	w := &recorder{}
	out := Serve(context.Background(), app, &Request{Method: "GET", ContentLength: -1}, "", "/", w, Options{})
	if !errors.Is(reraised, engine.ErrReraise) {
		t.Fatalf("start_response with exc_info after headers: got %v, want ErrReraise", reraised)
	}
	if !out.Abort || w.code != 200 {
		t.Errorf("want the 200 already sent to be cut, got code %d abort %v", w.code, out.Abort)
	}
}

func TestServeFlushPolicy(t *testing.T) {
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		return chunks("a", "b", "c"), req.StartResponse("200 OK", nil, false)
	}}
	w := &recorder{}
	Serve(context.Background(), app, &Request{Method: "GET", ContentLength: -1}, "", "/", w, Options{})
	if w.flushes != 3 {
		t.Errorf("streamed chunks flushed %d times, want 3 (each chunk goes out when yielded)", w.flushes)
	}
}

func TestServeRequestTooLarge(t *testing.T) {
	body := http.MaxBytesReader(nil, readCloser{strings.NewReader(strings.Repeat("x", 100))}, 10)
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		_, err := req.Input.Read(-1)
		return nil, err
	}}
	w := &recorder{}
	Serve(context.Background(), app, &Request{Method: "POST", ContentLength: -1, Body: body}, "", "/", w, Options{})
	if w.code != http.StatusRequestEntityTooLarge {
		t.Errorf("status = %d, want 413", w.code)
	}
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

func TestServeEnvironReachesApp(t *testing.T) {
	app := &fakeApp{run: func(req *engine.Request) ([][]byte, error) {
		return nil, req.StartResponse("200 OK", nil, false)
	}}
	req := &Request{Method: "GET", Path: "/app/x", TLS: true, ContentLength: -1}
	Serve(context.Background(), app, req, "/app", "/x", &recorder{}, Options{Multithread: true})
	got := app.got
	if got.URLScheme != "https" || got.Environ.Get("HTTPS") != "on" {
		t.Errorf("TLS request: url_scheme %q HTTPS %q", got.URLScheme, got.Environ.Get("HTTPS"))
	}
	if got.Environ.Get("SCRIPT_NAME") != "/app" || got.Environ.Get("PATH_INFO") != "/x" {
		t.Errorf("split = %q %q", got.Environ.Get("SCRIPT_NAME"), got.Environ.Get("PATH_INFO"))
	}
	if !got.Multithread || got.Multiprocess || !got.InputTerminated {
		t.Errorf("flags: multithread %v multiprocess %v input_terminated %v", got.Multithread, got.Multiprocess, got.InputTerminated)
	}
}
