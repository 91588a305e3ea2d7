package gpython

import (
	"context"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

// BenchmarkHelloWorld is one full request: Call, Next until EOF, Close.
func BenchmarkHelloWorld(b *testing.B) {
	e, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	script := dir + "/app.wsgi"
	if err := writeScript(script, "def application(environ, start_response):\n    start_response('200 OK', [('Content-Type', 'text/plain')])\n    return [b'Hello world!\\n']\n"); err != nil {
		b.Fatal(err)
	}
	app, err := e.Load(engine.Spec{Script: script, Callable: "application", Threads: 4})
	if err != nil {
		b.Fatal(err)
	}
	defer app.Close()
	b.RunParallel(func(pb *testing.PB) {
		var x exchange
		for pb.Next() {
			if _, err := serve(context.Background(), app, x.request(map[string]string{"REQUEST_METHOD": "GET"}, "")); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
