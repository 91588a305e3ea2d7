//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

func TestStartResponse(t *testing.T) {
	cases := []struct {
		name        string
		app         string
		startErr    func(call int, excInfo bool) error
		wantBody    string
		wantErr     string // the ScriptError's message
		wantLine    int    // where the ScriptError points, when not 0
		wantWritten string
		wantHeaders []engine.Header
	}{
		{
			name: "headers reach the gateway",
			app: `
    start_response('201 Created', [('Content-Type', 'text/plain'), ('X-Id', '7')])
    return [b"ok"]`,
			wantBody:    "ok",
			wantHeaders: []engine.Header{{Name: "Content-Type", Value: "text/plain"}, {Name: "X-Id", Value: "7"}},
		},
		{
			name: "keyword arguments",
			app: `
    start_response(status='200 OK', response_headers=[('A', 'b')], exc_info=None)
    return [b"kw"]`,
			wantBody:    "kw",
			wantHeaders: []engine.Header{{Name: "A", Value: "b"}},
		},
		{
			name: "write callable",
			app: `
    write = start_response('200 OK', [])
    write(b"hello ")
    return [b"world"]`,
			wantBody:    "world",
			wantWritten: "hello ",
		},
		{
			name: "write refuses str",
			app: `
    write = start_response('200 OK', [])
    write("hello")
    return []`,
			wantErr:  "TypeError: write() argument must be bytes, not str",
			wantLine: 4,
		},
		{
			name: "status must be str",
			app: `
    start_response(200, [])
    return []`,
			wantErr: "TypeError: start_response() status must be str, not int",
		},
		{
			name: "headers must be a list",
			app: `
    start_response('200 OK', (('A', 'b'),))
    return []`,
			wantErr: "TypeError: start_response() response_headers must be a list, not tuple",
		},
		{
			name: "header must be a 2-tuple",
			app: `
    start_response('200 OK', [('A', 'b', 'c')])
    return []`,
			wantErr: "TypeError: start_response() response_headers[0] must be a (name, value) tuple, not tuple",
		},
		{
			name: "header values must be str",
			app: `
    start_response('200 OK', [('A', 'b'), ('C', 1)])
    return []`,
			wantErr: "TypeError: start_response() response_headers[1] must hold str, not (str, int)",
		},
		{
			name: "exc_info must be a 3-tuple",
			app: `
    start_response('200 OK', [], "oops")
    return []`,
			wantErr: "TypeError: start_response() exc_info must be a (type, value, traceback) tuple or None",
		},
		{
			name: "exc_info is re-raised with its traceback when the gateway says so",
			app: `
    start_response('200 OK', [])
    try:
        raise ValueError("late failure")
    except ValueError:
        start_response('500 Internal Server Error', [], sys.exc_info())
    return [b"unreachable"]`,
			startErr: func(call int, excInfo bool) error {
				if excInfo {
					return engine.ErrReraise
				}
				return nil
			},
			wantErr:  "ValueError: late failure",
			wantLine: 5, // the raise, not the start_response call that re-raised it
		},
		{
			name: "exc_info accepted before headers are sent",
			app: `
    try:
        raise ValueError("early failure")
    except ValueError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
    return [b"error page"]`,
			wantBody: "error page",
		},
		{
			name: "gateway refusal is a catchable ValueError",
			app: `
    start_response('200 OK', [])
    try:
        start_response('200 OK', [])
    except ValueError as e:
        return [str(e).encode()]
    return [b"not raised"]`,
			startErr: func(call int, excInfo bool) error {
				if call > 1 {
					return errors.New("headers already set")
				}
				return nil
			},
			wantBody: "start_response(): headers already set",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, "import sys\ndef application(environ, start_response):"+tc.app+"\n")
			x := exchange{startErr: tc.startErr}
			body, err := serve(context.Background(), app, x.request(nil, ""))
			if tc.wantErr != "" {
				se := scriptError(t, err)
				if se.Message != tc.wantErr {
					t.Fatalf("message = %q, want %q", se.Message, tc.wantErr)
				}
				if tc.wantLine != 0 && se.Line != tc.wantLine {
					t.Errorf("line = %d, want %d; traceback:\n%s", se.Line, tc.wantLine, se.Traceback)
				}
				return
			}
			if err != nil {
				t.Fatalf("serve: %v", err)
			}
			if body != tc.wantBody {
				t.Errorf("body = %q, want %q", body, tc.wantBody)
			}
			if got := x.written.String(); got != tc.wantWritten {
				t.Errorf("written = %q, want %q", got, tc.wantWritten)
			}
			if tc.wantHeaders != nil && !slices.Equal(x.headers, tc.wantHeaders) {
				t.Errorf("headers = %v, want %v", x.headers, tc.wantHeaders)
			}
		})
	}
}
