//go:build cgo && cpython

package cpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// Argument errors of wsgi.input are worded as CPython words its own.
func TestInputArgumentErrorInCPythonWords(t *testing.T) {
	app := engines.Load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    return [environ['wsgi.input'].readline(1, 2)]
`)
	var x enginetest.Exchange
	_, err := enginetest.Serve(context.Background(), app, x.Request(nil, "body"))
	if se := enginetest.ScriptError(t, err); se.Message != "TypeError: readline expected at most 1 argument, got 2" || se.Line != 4 {
		t.Errorf("got line %d message %q", se.Line, se.Message)
	}
}

// wsgi.errors is a file to print() and to threads the app starts, and it
// is flushed only when the app says so.
func TestErrorsFromPrintAndThreads(t *testing.T) {
	app := engines.Load(t, `
import threading

def application(environ, start_response):
    errors = environ['wsgi.errors']
    print("printed", 1, file=errors)
    worker = threading.Thread(target=lambda: errors.write("from a thread\n"))
    worker.start()
    worker.join()
    errors.flush()
    start_response('200 OK', [])
    return []
`)
	var x enginetest.Exchange
	if _, err := enginetest.Serve(context.Background(), app, x.Request(nil, "")); err != nil {
		t.Fatal(err)
	}
	if got, want := x.Errors.String(), "printed 1\nfrom a thread\n"; got != want || x.Errors.Flushes() != 1 {
		t.Errorf("errors got %q (%d flushes), want %q", got, x.Errors.Flushes(), want)
	}
}
