//go:build cgo && cpython

package cpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// Only a list or tuple proper is copied at the call: a subclass may
// override iteration, so it is iterated like any other iterable.
func TestListSubclassIsIteratedNotCopied(t *testing.T) {
	app := engines.Load(t, `
class Body(list):
    pass

def application(environ, start_response):
    start_response('200 OK', [])
    return Body([b"sub", b"class"])
`)
	var x enginetest.Exchange
	res, err := app.Call(context.Background(), x.Request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.(engine.Precomputed).Precomputed() {
		t.Error("a list subclass is reported precomputed")
	}
	if body, err := enginetest.Drain(res); err != nil || body != "subclass" {
		t.Fatalf("body %q err %v", body, err)
	}
	if x.Calls() != 1 {
		t.Errorf("start_response called %d times, want 1", x.Calls())
	}
}

// bytearray is bytes-like, but PEP 3333 wants bytes proper.
func TestBytearrayIsNotBytes(t *testing.T) {
	app := engines.Load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [bytearray(b'x')]\n")
	var x enginetest.Exchange
	_, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
	if se := enginetest.ScriptError(t, err); se.Message != "TypeError: WSGI response iterable yielded bytearray, not bytes" {
		t.Errorf("message = %q", se.Message)
	}
}
