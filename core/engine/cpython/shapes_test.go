//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

// The application shapes PEP 3333 allows, and what each must produce.
func TestApplicationShapes(t *testing.T) {
	cases := []struct {
		name, callable, src, want string
		precomputed               bool
	}{
		{
			name:     "PEP 3333 simple_app",
			callable: "simple_app",
			src: `
def simple_app(environ, start_response):
    start_response('200 OK', [('Content-type', 'text/plain')])
    return [b'Hello world!\n']
`,
			want:        "Hello world!\n",
			precomputed: true,
		},
		{
			name:     "PEP 3333 AppClass",
			callable: "AppClass",
			src: `
class AppClass:
    def __init__(self, environ, start_response):
        self.environ = environ
        self.start = start_response

    def __iter__(self):
        self.start('200 OK', [('Content-type', 'text/plain')])
        yield b"Hello world!\n"
`,
			want: "Hello world!\n",
		},
		{
			name:     "instance with __call__",
			callable: "application",
			src: `
class App:
    def __init__(self, greeting):
        self.greeting = greeting

    def __call__(self, environ, start_response):
        start_response('200 OK', [])
        return [self.greeting]

application = App(b"called instance")
`,
			want:        "called instance",
			precomputed: true,
		},
		{
			name:     "generator function",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('200 OK', [])
    for i in range(3):
        yield f"chunk{i};".encode()
`,
			want: "chunk0;chunk1;chunk2;",
		},
		{
			name:     "tuple with empty chunks",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('200 OK', [])
    return (b"", b"a", b"")
`,
			want:        "a",
			precomputed: true,
		},
		{
			name:     "list subclass is iterated, not copied",
			callable: "application",
			src: `
class Body(list):
    pass

def application(environ, start_response):
    start_response('200 OK', [])
    return Body([b"sub", b"class"])
`,
			want: "subclass",
		},
		{
			name:     "empty generator",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('204 No Content', [])
    return iter(())
`,
			want: "",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, tc.src, withCallable(tc.callable))
			var x exchange
			res, err := app.Call(context.Background(), x.request(nil, ""))
			if err != nil {
				t.Fatalf("Call: %v", err)
			}
			if got := res.(engine.Precomputed).Precomputed(); got != tc.precomputed {
				t.Errorf("Precomputed() = %v, want %v", got, tc.precomputed)
			}
			var body strings.Builder
			for {
				chunk, err := res.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("Next: %v", err)
				}
				body.Write(chunk)
			}
			if err := res.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if body.String() != tc.want {
				t.Errorf("body = %q, want %q", body.String(), tc.want)
			}
			if x.calls != 1 {
				t.Errorf("start_response called %d times, want 1", x.calls)
			}
		})
	}
}

func TestEnviron(t *testing.T) {
	app := load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    checks = [
        type(environ) is dict,
        all(type(k) is str for k in environ),
        environ['wsgi.version'] == (1, 0),
        environ['wsgi.url_scheme'] == 'https',
        environ['wsgi.multithread'] is True,
        environ['wsgi.multiprocess'] is False,
        environ['wsgi.run_once'] is False,
        environ['wsgi.input_terminated'] is True,
        environ['REQUEST_METHOD'] == 'POST',
        environ['HTTP_X_LATIN'] == '\xe9t\xe9',
        environ['HTTP_X_LATIN'].encode('latin-1') == b'\xe9t\xe9',
        environ['EMPTY'] == '',
    ]
    return [",".join("1" if c else "0" for c in checks).encode()]
`)
	var x exchange
	req := x.request(map[string]string{"REQUEST_METHOD": "POST", "HTTP_X_LATIN": "\u00e9t\u00e9", "EMPTY": ""}, "")
	req.URLScheme, req.Multithread, req.InputTerminated = "https", true, true
	body, err := serve(context.Background(), app, req)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(strings.Repeat("1,", 12), ","); body != want {
		t.Errorf("environ checks = %s, want %s", body, want)
	}
}
