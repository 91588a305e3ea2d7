package enginetest

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/hashicorp/go-hclog"
)

// BenchmarkHelloWorld measures an engine's own cost of one hello-world
// request, without HTTP: environ, the call, the copied body, on threads
// workers driven by parallel clients. newEngine is the engine package's New.
func BenchmarkHelloWorld(b *testing.B, newEngine func(hclog.Logger) (engine.Engine, error), threads int) {
	e, err := newEngine(nil)
	if err != nil {
		b.Fatal(err)
	}
	script := WriteFile(b, b.TempDir(), "hello.wsgi", `
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'Hello, world!\n']
`)
	app, err := e.Load(engine.Spec{Script: script, Threads: threads})
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
			var x Exchange
			if body, err := Serve(context.Background(), app, x.Request(environ, "")); err != nil || body != "Hello, world!\n" {
				b.Fatalf("body %q err %v", body, err)
			}
		}
	})
}
