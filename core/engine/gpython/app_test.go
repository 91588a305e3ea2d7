package gpython

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
		name     string
		callable string
		src      string
		want     string
	}{
		{
			name:     "PEP 3333 simple_app",
			callable: "simple_app",
			src: `
def simple_app(environ, start_response):
    """Simplest possible application object"""
    status = '200 OK'
    response_headers = [('Content-type', 'text/plain')]
    start_response(status, response_headers)
    return [b'Hello world!\n']
`,
			want: "Hello world!\n",
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
        status = '200 OK'
        response_headers = [('Content-type', 'text/plain')]
        self.start(status, response_headers)
        yield b"Hello world!\n"
`,
			want: "Hello world!\n",
		},
		{
			name:     "iterable class whose __iter__ is inherited",
			callable: "application",
			src: `
class Base:
    def __iter__(self):
        self.start('200 OK', [('Content-type', 'text/plain')])
        return iter([b"from ", b"base"])

class application(Base):
    def __init__(self, environ, start_response):
        self.start = start_response
`,
			want: "from base",
		},
		{
			name:     "instance with __call__",
			callable: "application",
			src: `
class App:
    def __init__(self, greeting):
        self.greeting = greeting

    def __call__(self, environ, start_response):
        start_response('200 OK', [('Content-type', 'text/plain')])
        return [self.greeting]

application = App(b"called instance")
`,
			want: "called instance",
		},
		{
			name:     "generator function",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('200 OK', [('Content-type', 'text/plain')])
    for i in range(3):
        yield ("chunk%d;" % i).encode()
`,
			want: "chunk0;chunk1;chunk2;",
		},
		{
			name:     "tuple and empty chunks",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('204 No Content', [])
    return (b"", b"a", b"")
`,
			want: "a",
		},
		{
			name:     "hand-written iterator",
			callable: "application",
			src: `
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return str(self.n).encode()

def application(environ, start_response):
    start_response('200 OK', [])
    return Countdown(3)
`,
			want: "210",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, tc.src, func(s *engine.Spec, _ *settings) { s.Callable = tc.callable })
			var x exchange
			body, err := serve(context.Background(), app, x.request(nil, ""))
			if err != nil {
				t.Fatalf("serve: %v", err)
			}
			if body != tc.want {
				t.Errorf("body = %q, want %q", body, tc.want)
			}
			if x.calls != 1 || x.status == "" {
				t.Errorf("start_response called %d times, status %q", x.calls, x.status)
			}
		})
	}
}

func TestEnviron(t *testing.T) {
	app := load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    checks = [
        environ['wsgi.version'] == (1, 0),
        environ['wsgi.url_scheme'] == 'https',
        environ['wsgi.multithread'] is True,
        environ['wsgi.multiprocess'] is False,
        environ['wsgi.run_once'] is False,
        environ['wsgi.input_terminated'] is True,
        environ['REQUEST_METHOD'] == 'POST',
        environ['HTTP_X_LATIN'] == '\xe9t\xe9',
    ]
    return [",".join(["1" if c else "0" for c in checks]).encode()]
`)
	var x exchange
	req := x.request(map[string]string{"REQUEST_METHOD": "POST", "HTTP_X_LATIN": "\u00e9t\u00e9"}, "")
	req.URLScheme, req.Multithread, req.InputTerminated = "https", true, true
	body, err := serve(context.Background(), app, req)
	if err != nil {
		t.Fatal(err)
	}
	if body != "1,1,1,1,1,1,1,1" {
		t.Errorf("environ checks = %s, want all 1", body)
	}
}

func TestStartResponse(t *testing.T) {
	cases := []struct {
		name        string
		app         string
		startErr    func(call int, excInfo bool) error
		wantBody    string
		wantErr     string // substring of the ScriptError message
		wantWritten string
		wantHeaders []engine.Header
	}{
		{
			name: "headers reach the gateway",
			app: `
    start_response('201 Created', [('Content-Type', 'text/plain'), ('X-Id', '7')])
    return [b"ok"]`,
			wantBody:    "ok",
			wantHeaders: []engine.Header{{Name: "Content-Type", Value: "text/plain"}, {Name: "X-Id", Value: "7"}},
		},
		{
			name: "write callable",
			app: `
    write = start_response('200 OK', [])
    write(b"hello ")
    return [b"world"]`,
			wantBody:    "world",
			wantWritten: "hello ",
		},
		{
			name: "write refuses str",
			app: `
    write = start_response('200 OK', [])
    write("hello")
    return []`,
			wantErr: "TypeError: write() argument must be bytes, not str",
		},
		{
			name: "status must be str",
			app: `
    start_response(200, [])
    return []`,
			wantErr: "TypeError: start_response() status must be str, not int",
		},
		{
			name: "headers must be a list",
			app: `
    start_response('200 OK', (('A', 'b'),))
    return []`,
			wantErr: "TypeError: start_response() response_headers must be a list, not tuple",
		},
		{
			name: "header must be a 2-tuple",
			app: `
    start_response('200 OK', [('A', 'b', 'c')])
    return []`,
			wantErr: "response_headers[0] must be a (name, value) tuple",
		},
		{
			name: "header values must be str",
			app: `
    start_response('200 OK', [('A', 1)])
    return []`,
			wantErr: "response_headers[0] must hold str, not (str, int)",
		},
		{
			name: "exc_info is re-raised when the gateway says so",
			app: `
    start_response('200 OK', [])
    try:
        raise ValueError("late failure")
    except ValueError as e:
        start_response('500 Internal Server Error', [], (type(e), e, None))
    return [b"unreachable"]`,
			startErr: func(call int, excInfo bool) error {
				if excInfo {
					return engine.ErrReraise
				}
				return nil
			},
			wantErr: "ValueError: late failure",
		},
		{
			name: "exc_info accepted before headers are sent",
			app: `
    try:
        raise ValueError("early failure")
    except ValueError as e:
        start_response('500 Internal Server Error', [], (type(e), e, None))
    return [b"error page"]`,
			wantBody: "error page",
		},
		{
			name: "gateway refusal is a catchable ValueError",
			app: `
    start_response('200 OK', [])
    try:
        start_response('200 OK', [])
    except ValueError as e:
        return [str(e).encode()]
    return [b"not raised"]`,
			startErr: func(call int, excInfo bool) error {
				if call > 1 {
					return errors.New("headers already set")
				}
				return nil
			},
			wantBody: "start_response(): headers already set",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, "def application(environ, start_response):"+tc.app+"\n")
			x := exchange{startErr: tc.startErr}
			body, err := serve(context.Background(), app, x.request(nil, ""))
			if tc.wantErr != "" {
				se := scriptError(t, err)
				if !strings.Contains(se.Message, tc.wantErr) {
					t.Fatalf("message %q does not contain %q", se.Message, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("serve: %v", err)
			}
			if body != tc.wantBody {
				t.Errorf("body = %q, want %q", body, tc.wantBody)
			}
			if got := x.written.String(); got != tc.wantWritten {
				t.Errorf("written = %q, want %q", got, tc.wantWritten)
			}
			if tc.wantHeaders != nil && !equalHeaders(x.headers, tc.wantHeaders) {
				t.Errorf("headers = %v, want %v", x.headers, tc.wantHeaders)
			}
		})
	}
}

func equalHeaders(a, b []engine.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// close() must run exactly once however the response ends.
func TestIterableCloseCalledOnce(t *testing.T) {
	const src = `
class Body:
    def __init__(self, environ, fail_at):
        self.errors = environ['wsgi.errors']
        self.fail_at = fail_at
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == self.fail_at:
            raise RuntimeError("broken body")
        if self.n > 2:
            raise StopIteration
        return b"x"
    def close(self):
        self.errors.write("closed\n")

def application(environ, start_response):
    start_response('200 OK', [])
    return Body(environ, int(environ['QUERY_STRING']))
`
	cases := []struct {
		name    string
		failAt  string
		iterate bool
		wantErr bool
	}{
		{name: "normal end", failAt: "0", iterate: true},
		{name: "error mid-iteration", failAt: "2", iterate: true, wantErr: true},
		{name: "closed without iterating", failAt: "0", iterate: false},
	}
	app := load(t, src)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var x exchange
			res, err := app.Call(context.Background(), x.request(map[string]string{"QUERY_STRING": tc.failAt}, ""))
			if err != nil {
				t.Fatal(err)
			}
			var iterErr error
			for tc.iterate {
				_, err := res.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					iterErr = err
					break
				}
			}
			if (iterErr != nil) != tc.wantErr {
				t.Fatalf("iteration error = %v, want error: %v", iterErr, tc.wantErr)
			}
			if tc.wantErr {
				if se := scriptError(t, iterErr); se.Message != "RuntimeError: broken body" {
					t.Errorf("message = %q", se.Message)
				}
				if _, again := res.Next(); again == nil || again.Error() != iterErr.Error() {
					t.Errorf("a failed iteration must stay failed, got %v", again)
				}
			}
			if err := res.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if err := res.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if got := strings.Count(x.errs.String(), "closed\n"); got != 1 {
				t.Errorf("close() ran %d times, want 1", got)
			}
		})
	}
}

func TestFileWrapperCloses(t *testing.T) {
	app := load(t, `
class Source:
    def __init__(self, chunks, errors):
        self.chunks = chunks
        self.errors = errors
        self.i = 0
    def read(self, size):
        self.errors.write("read %d\n" % size)
        if self.i == len(self.chunks):
            return b""
        self.i += 1
        return self.chunks[self.i - 1]
    def close(self):
        self.errors.write("source closed\n")

def application(environ, start_response):
    start_response('200 OK', [])
    return environ['wsgi.file_wrapper'](Source([b"abcd", b"efgh", b"ij"], environ['wsgi.errors']), 4)
`)
	var x exchange
	body, err := serve(context.Background(), app, x.request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	if body != "abcdefghij" {
		t.Errorf("body = %q", body)
	}
	if got, want := x.errs.String(), "read 4\nread 4\nread 4\nread 4\nsource closed\n"; got != want {
		t.Errorf("filelike calls = %q, want %q", got, want)
	}
}

func TestBodyItemsMustBeBytes(t *testing.T) {
	cases := []struct {
		name, ret, wantType string
	}{
		{name: "str", ret: `["text"]`, wantType: "str"},
		{name: "int", ret: `[1]`, wantType: "int"},
		{name: "None from a generator", ret: `(x for x in [None])`, wantType: "NoneType"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return "+tc.ret+"\n")
			var x exchange
			_, err := serve(context.Background(), app, x.request(nil, ""))
			se := scriptError(t, err)
			if !strings.Contains(se.Message, "yielded "+tc.wantType+", not bytes") {
				t.Errorf("message = %q, want it to name %s", se.Message, tc.wantType)
			}
		})
	}
}

func TestCallErrorsPointAtTheRaisingLine(t *testing.T) {
	app := load(t, `
def helper():
    return undefined_name

def application(environ, start_response):
    start_response('200 OK', [])
    return [helper()]
`)
	var x exchange
	_, err := serve(context.Background(), app, x.request(nil, ""))
	se := scriptError(t, err)
	if se.Line != 3 || se.Message != "NameError: name 'undefined_name' is not defined" {
		t.Errorf("got line %d message %q", se.Line, se.Message)
	}
	for _, want := range []string{"Traceback (most recent call last):", "in application", "return [helper()]", "in helper", "return undefined_name"} {
		if !strings.Contains(se.Traceback, want) {
			t.Errorf("traceback lacks %q:\n%s", want, se.Traceback)
		}
	}
}

func TestCallablesKeptAfterRequestsEnd(t *testing.T) {
	app := load(t, `
saved = []
def application(environ, start_response):
    if saved:
        try:
            saved[0]('200 OK', [])
        except RuntimeError as e:
            start_response('200 OK', [])
            return [str(e).encode()]
    saved.append(start_response)
    start_response('200 OK', [])
    return [b"first"]
`)
	for i, want := range []string{"first", "start_response used after its request finished"} {
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
