//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"testing"
)

// Objects an app keeps past its request refuse to reach the gateway.
func TestCallablesKeptAfterRequestsEnd(t *testing.T) {
	app := load(t, `
saved = []
def application(environ, start_response):
    if saved:
        old_start, old_input, old_errors = saved
        messages = []
        for use in (lambda: old_start('200 OK', []), old_input.read, lambda: old_errors.write("x")):
            try:
                use()
            except RuntimeError as e:
                messages.append(str(e))
        start_response('200 OK', [])
        return ["|".join(messages).encode()]
    saved.extend([start_response, environ['wsgi.input'], environ['wsgi.errors']])
    start_response('200 OK', [])
    return [b"first"]
`)
	want := []string{"first", "start_response used after its request finished|" +
		"wsgi.input used after its request finished|wsgi.errors used after its request finished"}
	for i, want := range want {
		var x exchange
		body, err := serve(context.Background(), app, x.request(nil, ""))
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if body != want {
			t.Errorf("request %d body = %q, want %q", i, body, want)
		}
	}
}

func TestCallAfterClose(t *testing.T) {
	app := load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return []\n")
	if err := app.Close(); err != nil {
		t.Fatal(err)
	}
	var x exchange
	if _, err := app.Call(context.Background(), x.request(nil, "")); !errors.Is(err, errAppClosed) {
		t.Fatalf("err = %v, want errAppClosed", err)
	}
	if err := app.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}
