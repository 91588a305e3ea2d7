package dispatch

import (
	"context"
	"io"
	"testing"

	"github.com/hashicorp/go-hclog"

	"github.com/gowsgi/gowsgi/core/config"
	_ "github.com/gowsgi/gowsgi/core/engine/gpython"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// BenchmarkServeHelloWorld is one request from a host's hands to its
// response, on gpython: routing, the reload check, the environ, the
// gateway and the engine, as every host pays them, with a logger as real
// as theirs (one that would write, at info level).
func BenchmarkServeHelloWorld(b *testing.B) {
	script := writeScript(b, b.TempDir(), "hello.py", `def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello, World!\n"]
`)
	settings := config.DefaultSettings()
	settings.Engine = "gpython"
	d, err := New(&config.Config{Mounts: []config.Mount{{URI: "/", Script: script, AppSettings: settings}}},
		hclog.New(&hclog.LoggerOptions{Output: io.Discard, Level: hclog.Info}))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close(context.Background())
	header := []wsgi.Field{
		{Name: "Host", Value: "127.0.0.1:8080"},
		{Name: "User-Agent", Value: "wrk"},
		{Name: "Accept", Value: "*/*"},
		{Name: "Connection", Value: "keep-alive"},
	}
	b.ReportAllocs()
	for b.Loop() {
		w := &recorder{}
		d.Serve(context.Background(), &wsgi.Request{
			Method: "GET", Path: "/", Protocol: "HTTP/1.1", Header: header, ContentLength: -1,
			ServerName: "127.0.0.1", ServerPort: "8080", RemoteAddr: "127.0.0.1", RemotePort: "50000",
		}, w)
		if w.code != 200 {
			b.Fatalf("status %d: %s", w.code, w.body.String())
		}
	}
}
