//go:build cgo && cpython

package cpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

// The engine's own cost of one hello-world request, without HTTP: environ,
// a trip to the worker thread and back, the call, the copied body.
func BenchmarkHelloWorld(b *testing.B) {
	e, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	script := writeFile(b, b.TempDir(), "hello.wsgi", `
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'Hello, world!\n']
`)
	app, err := e.Load(engine.Spec{Script: script, Threads: 2})
	if err != nil {
		b.Fatal(err)
	}
	defer app.Close()
	environ := map[string]string{
		"REQUEST_METHOD": "GET", "PATH_INFO": "/", "SCRIPT_NAME": "", "QUERY_STRING": "",
		"SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
		"REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "localhost", "HTTP_USER_AGENT": "bench",
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			var x exchange
			if body, err := serve(context.Background(), app, x.request(environ, "")); err != nil || body != "Hello, world!\n" {
				b.Fatalf("body %q err %v", body, err)
			}
		}
	})
}
