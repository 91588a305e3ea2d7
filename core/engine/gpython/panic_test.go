package gpython

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// An exception's own __str__ without arguments indexes past the end of its
// args inside gpython (str() itself is fixed by pyext): a Go panic scripts
// can trigger at will.
const gpythonPanic = "ValueError().__str__()"

func TestPanicsBecomeErrors(t *testing.T) {
	const src = `
class Body:
    def __init__(self, where):
        self.where = where
    def __iter__(self):
        return self
    def __next__(self):
        if self.where == 'next':
            ` + gpythonPanic + `
        raise StopIteration
    def close(self):
        if self.where == 'close':
            ` + gpythonPanic + `

def application(environ, start_response):
    where = environ['QUERY_STRING']
    if where == 'call':
        ` + gpythonPanic + `
    start_response('200 OK', [])
    if where == 'fine':
        return [b"fine"]
    return Body(where)
`
	app, logs, err := engines.TryLoad(t, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, where := range []string{"call", "next", "close"} {
		t.Run(where, func(t *testing.T) {
			_, err := enginetest.Serve(context.Background(), app, enginetest.Query(where))
			var pe *panicError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a recovered panic", err)
			}
			if !strings.Contains(logs.String(), "recovered a Go panic inside gpython") {
				t.Errorf("panic not logged:\n%s", logs)
			}
			// The context that panicked is replaced; the app keeps serving.
			if body, err := enginetest.Serve(context.Background(), app, enginetest.Query("fine")); err != nil || body != "fine" {
				t.Fatalf("after the panic: body %q err %v", body, err)
			}
		})
	}
}

func TestPanicAtLoad(t *testing.T) {
	_, _, err := engines.TryLoad(t, "x = "+gpythonPanic+"\n")
	var pe *panicError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "app.wsgi") {
		t.Fatalf("err = %v, want a recovered panic naming the script", err)
	}
}

// A gateway callback that panics is recovered the same way.
func TestGatewayPanicIsRecovered(t *testing.T) {
	app := engines.Load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'x']\n")
	var x enginetest.Exchange
	req := x.Request(nil, "")
	req.StartResponse = func(string, []engine.Header, bool) error { panic("gateway bug") }
	if _, err := app.Call(context.Background(), req); err == nil || !strings.Contains(err.Error(), "gateway bug") {
		t.Fatalf("err = %v", err)
	}
	res, err := app.Call(context.Background(), x.Request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	if chunk, err := res.Next(); err != nil || string(chunk) != "x" {
		t.Fatalf("chunk %q err %v", chunk, err)
	}
	if _, err := res.Next(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
	if err := res.Close(); err != nil {
		t.Fatal(err)
	}
}
