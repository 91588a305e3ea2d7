//go:build cgo && cpython

package cpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// panicInput panics in every method, as a faulty host might.
type panicInput struct{ enginetest.Input }

func (panicInput) Read(int) ([]byte, error) { panic("input exploded") }

// A Go panic behind a Python call becomes a SystemError in the app, with
// the GIL held again, and the interpreter keeps serving.
func TestGoPanicsBecomePythonErrors(t *testing.T) {
	app := engines.Load(t, `
def application(environ, start_response):
    what = environ['QUERY_STRING']
    try:
        if what == 'start':
            start_response('200 OK', [])
        else:
            environ['wsgi.input'].read(1)
    except SystemError as e:
        start_response('200 OK', [])
        return [str(e).encode()]
    return [b"no panic"]
`)
	cases := []struct {
		name, query, want string
	}{
		{name: "in start_response (GIL held)", query: "start", want: "gowsgi internal error: start exploded"},
		{name: "in wsgi.input (GIL released)", query: "input", want: "gowsgi internal error: input exploded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var x enginetest.Exchange
			req := x.Request(map[string]string{"QUERY_STRING": tc.query}, "")
			calls := 0
			start := req.StartResponse
			req.StartResponse = func(status string, headers []engine.Header, excInfo bool) error {
				if calls++; calls == 1 && tc.query == "start" {
					panic("start exploded")
				}
				return start(status, headers, excInfo)
			}
			req.Input = &panicInput{}
			body, err := enginetest.Serve(context.Background(), app, req)
			if err != nil || body != tc.want {
				t.Fatalf("body %q err %v, want %q", body, err, tc.want)
			}
		})
	}
}
