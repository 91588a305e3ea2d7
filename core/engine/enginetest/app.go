package enginetest

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

// The application shapes PEP 3333 allows, and what each must produce. A
// list or tuple is precomputed: its chunks are all known at the call.
func (s *suite) applicationShapes(t *testing.T) {
	cases := []struct {
		name, callable, src, want string
		precomputed               bool
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
			want:        "called instance",
			precomputed: true,
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
			name:     "tuple with empty chunks",
			callable: "application",
			src: `
def application(environ, start_response):
    start_response('204 No Content', [])
    return (b"", b"a", b"")
`,
			want:        "a",
			precomputed: true,
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
		{
			name:     "empty iterator",
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
			app := s.load(t, tc.src, setup{callable: tc.callable})
			var x Exchange
			res, err := app.Call(context.Background(), x.Request(nil, ""))
			if err != nil {
				t.Fatalf("Call: %v", err)
			}
			pre, ok := res.(engine.Precomputed)
			if got := ok && pre.Precomputed(); got != tc.precomputed {
				t.Errorf("Precomputed() = %v, want %v", got, tc.precomputed)
			}
			body, err := Drain(res)
			if err != nil {
				t.Fatal(err)
			}
			if body != tc.want {
				t.Errorf("body = %q, want %q", body, tc.want)
			}
			if x.Calls() != 1 || x.Status() == "" {
				t.Errorf("start_response called %d times, status %q", x.Calls(), x.Status())
			}
		})
	}
}

func (s *suite) environ(t *testing.T) {
	app := s.load(t, `
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
`, setup{})
	var x Exchange
	req := x.Request(map[string]string{"REQUEST_METHOD": "POST", "HTTP_X_LATIN": "\u00e9t\u00e9", "EMPTY": ""}, "")
	req.URLScheme, req.Multithread, req.InputTerminated = "https", true, true
	body, err := Serve(context.Background(), app, req)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(strings.Repeat("1,", 12), ","); body != want {
		t.Errorf("environ checks = %s, want %s", body, want)
	}
}

// reraiseOnExcInfo is a gateway whose headers were already sent: an
// exc_info must propagate.
func reraiseOnExcInfo(_ int, excInfo bool) error {
	if excInfo {
		return engine.ErrReraise
	}
	return nil
}

func (s *suite) startResponse(t *testing.T) {
	cases := []struct {
		name        string
		app         string // the callable's body, after "import sys"
		startErr    func(call int, excInfo bool) error
		wantBody    string
		wantErr     string // the ScriptError's message
		wantLine    int    // where the ScriptError points, when not 0
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
			name: "keyword arguments",
			app: `
    start_response(status='200 OK', response_headers=[('A', 'b')], exc_info=None)
    return [b"kw"]`,
			wantBody:    "kw",
			wantHeaders: []engine.Header{{Name: "A", Value: "b"}},
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
			wantErr:  "TypeError: write() argument must be bytes, not str",
			wantLine: 4,
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
			wantErr: "TypeError: start_response() response_headers[0] must be a (name, value) tuple, not tuple",
		},
		{
			name: "header values must be str",
			app: `
    start_response('200 OK', [('A', 1)])
    return []`,
			wantErr: "TypeError: start_response() response_headers[0] must hold str, not (str, int)",
		},
		{
			name: "the failing header is named",
			app: `
    start_response('200 OK', [('A', 'b'), ('C', 1)])
    return []`,
			wantErr: "TypeError: start_response() response_headers[1] must hold str, not (str, int)",
		},
		{
			name: "exc_info must be a 3-tuple",
			app: `
    start_response('200 OK', [], "oops")
    return []`,
			wantErr: "TypeError: start_response() exc_info must be a (type, value, traceback) tuple or None",
		},
		{
			name: "exc_info is re-raised when the gateway says so",
			app: `
    start_response('200 OK', [])
    try:
        raise ValueError("late failure")
    except ValueError:
        start_response('500 Internal Server Error', [], sys.exc_info())
    return [b"unreachable"]`,
			startErr: reraiseOnExcInfo,
			wantErr:  "ValueError: late failure",
		},
		{
			name: "hand-made exc_info is re-raised",
			app: `
    start_response('200 OK', [])
    try:
        raise ValueError("late failure")
    except ValueError as e:
        start_response('500 Internal Server Error', [], (type(e), e, None))
    return [b"unreachable"]`,
			startErr: reraiseOnExcInfo,
			wantErr:  "ValueError: late failure",
		},
		{
			name: "exc_info accepted before headers are sent",
			app: `
    try:
        raise ValueError("early failure")
    except ValueError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
    return [b"error page"]`,
			wantBody:    "error page",
			wantHeaders: []engine.Header{{Name: "Content-Type", Value: "text/plain"}},
		},
		{
			name: "hand-made exc_info accepted before headers are sent",
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
			startErr: func(call int, _ bool) error {
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
			app := s.load(t, "import sys\ndef application(environ, start_response):"+tc.app+"\n", setup{})
			x := Exchange{StartErr: tc.startErr}
			body, err := Serve(context.Background(), app, x.Request(nil, ""))
			if tc.wantErr != "" {
				se := ScriptError(t, err)
				if se.Message != tc.wantErr {
					t.Fatalf("message = %q, want %q", se.Message, tc.wantErr)
				}
				if tc.wantLine != 0 && se.Line != tc.wantLine {
					t.Errorf("line = %d, want %d; traceback:\n%s", se.Line, tc.wantLine, se.Traceback)
				}
				return
			}
			if err != nil {
				t.Fatalf("serve: %v", err)
			}
			if body != tc.wantBody {
				t.Errorf("body = %q, want %q", body, tc.wantBody)
			}
			if got := x.Written(); got != tc.wantWritten {
				t.Errorf("written = %q, want %q", got, tc.wantWritten)
			}
			if tc.wantHeaders != nil && !slices.Equal(x.Headers(), tc.wantHeaders) {
				t.Errorf("headers = %v, want %v", x.Headers(), tc.wantHeaders)
			}
		})
	}
}

// close() must run exactly once however the response ends.
func (s *suite) iterableCloseCalledOnce(t *testing.T) {
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
        if self.fail_at < 0:
            raise OSError("close failed")

def application(environ, start_response):
    start_response('200 OK', [])
    return Body(environ, int(environ['QUERY_STRING']))
`
	cases := []struct {
		name, failAt string
		iterate      bool
		wantIterErr  string
		wantCloseErr string
	}{
		{name: "normal end", failAt: "0", iterate: true},
		{name: "error mid-iteration", failAt: "2", iterate: true, wantIterErr: "RuntimeError: broken body"},
		{name: "error on the first chunk", failAt: "1", iterate: true, wantIterErr: "RuntimeError: broken body"},
		{name: "closed without iterating", failAt: "0", iterate: false},
		{name: "close raises", failAt: "-1", iterate: true, wantCloseErr: "OSError: close failed"},
	}
	app := s.load(t, src, setup{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var x Exchange
			res, err := app.Call(context.Background(), x.Request(map[string]string{"QUERY_STRING": tc.failAt}, ""))
			if err != nil {
				// An engine may fetch the first chunk with the call.
				if tc.wantIterErr == "" || ScriptError(t, err).Message != tc.wantIterErr {
					t.Fatalf("Call: %v", err)
				}
				if got := strings.Count(x.Errors.String(), "closed\n"); got != 1 {
					t.Errorf("close() ran %d times after a failed call, want 1", got)
				}
				return
			}
			var iterErr error
			for tc.iterate {
				if _, iterErr = res.Next(); iterErr != nil {
					break
				}
			}
			if errors.Is(iterErr, io.EOF) {
				iterErr = nil
			}
			if tc.wantIterErr != "" {
				if se := ScriptError(t, iterErr); se.Message != tc.wantIterErr {
					t.Errorf("iteration error = %q, want %q", se.Message, tc.wantIterErr)
				}
				if _, again := res.Next(); again == nil || again.Error() != iterErr.Error() {
					t.Errorf("a failed iteration must stay failed, got %v", again)
				}
			} else if iterErr != nil {
				t.Fatalf("Next: %v", iterErr)
			}
			closeErr := res.Close()
			if tc.wantCloseErr != "" {
				if se := ScriptError(t, closeErr); se.Message != tc.wantCloseErr {
					t.Errorf("Close error = %q, want %q", se.Message, tc.wantCloseErr)
				}
			} else if closeErr != nil {
				t.Fatalf("Close: %v", closeErr)
			}
			if err := res.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if _, err := res.Next(); !errors.Is(err, s.h.ErrResultClosed) {
				t.Errorf("Next after Close = %v, want %v", err, s.h.ErrResultClosed)
			}
			if got := strings.Count(x.Errors.String(), "closed\n"); got != 1 {
				t.Errorf("close() ran %d times, want 1", got)
			}
		})
	}
}

func (s *suite) fileWrapper(t *testing.T) {
	cases := []struct {
		name, setup, wrap, want, wantErrors string
	}{
		{
			name: "file-like object in blocks, closed at the end",
			setup: `
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
`,
			wrap:       `Source([b"abcd", b"efgh", b"ij"], environ['wsgi.errors']), 4`,
			want:       "abcdefghij",
			wantErrors: "read 4\nread 4\nread 4\nread 4\nsource closed\n",
		},
		{
			name:  "real file with the default block size",
			setup: "import io\n",
			wrap:  `io.BytesIO(("z" * 20000).encode())`,
			want:  strings.Repeat("z", 20000),
		},
		{
			name: "object without close",
			setup: `
class Once:
    done = False
    def read(self, size):
        if self.done:
            return b""
        self.done = True
        return b"once"
`,
			wrap: `Once(), block_size=2`,
			want: "once",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := s.load(t, tc.setup+`
def application(environ, start_response):
    start_response('200 OK', [])
    return environ['wsgi.file_wrapper'](`+tc.wrap+`)
`, setup{})
			var x Exchange
			body, err := Serve(context.Background(), app, x.Request(nil, ""))
			if err != nil {
				t.Fatal(err)
			}
			if body != tc.want {
				t.Errorf("body = %.40q (%d bytes), want %.40q (%d bytes)", body, len(body), tc.want, len(tc.want))
			}
			if got := x.Errors.String(); got != tc.wantErrors {
				t.Errorf("file-like calls = %q, want %q", got, tc.wantErrors)
			}
		})
	}
}

func (s *suite) fileWrapperArguments(t *testing.T) {
	app := s.load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    environ['wsgi.file_wrapper'](None, 0)
    return []
`, setup{})
	var x Exchange
	_, err := Serve(context.Background(), app, x.Request(nil, ""))
	if se := ScriptError(t, err); se.Message != "ValueError: file_wrapper() block_size must be positive, not 0" || se.Line != 4 {
		t.Errorf("got %s:%d %q", se.File, se.Line, se.Message)
	}
}

func (s *suite) bodyItemsMustBeBytes(t *testing.T) {
	cases := []struct {
		name, ret, wantType, wantBody string
	}{
		{name: "str in a list", ret: `[b"ok", "text"]`, wantType: "str", wantBody: "ok"},
		{name: "int in a tuple", ret: `(1,)`, wantType: "int"},
		{name: "int in a list", ret: `[1]`, wantType: "int"},
		{name: "None from a generator", ret: `(x for x in [b"a", None])`, wantType: "NoneType", wantBody: "a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := s.load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return "+tc.ret+"\n", setup{})
			var x Exchange
			body, err := Serve(context.Background(), app, x.Request(nil, ""))
			se := ScriptError(t, err)
			if want := "TypeError: WSGI response iterable yielded " + tc.wantType + ", not bytes"; se.Message != want {
				t.Errorf("message = %q, want %q", se.Message, want)
			}
			if body != tc.wantBody {
				t.Errorf("body before the bad item = %q, want %q", body, tc.wantBody)
			}
		})
	}
}

// Failures point at the innermost frame, the way operators look for them,
// and the traceback shows the app's frames only, not the engine's.
func (s *suite) errorsPointAtTheRaisingLine(t *testing.T) {
	app := s.load(t, `
def helper():
    return undefined_name

def application(environ, start_response):
    start_response('200 OK', [])
    return [helper()]
`, setup{})
	var x Exchange
	_, err := Serve(context.Background(), app, x.Request(nil, ""))
	se := ScriptError(t, err)
	if se.Line != 3 || se.Message != "NameError: name 'undefined_name' is not defined" || !strings.HasSuffix(se.File, "/app.wsgi") {
		t.Errorf("got %s:%d %q", se.File, se.Line, se.Message)
	}
	for _, want := range []string{"Traceback (most recent call last):", "in application", "return [helper()]",
		"in helper", "return undefined_name"} {
		if !strings.Contains(se.Traceback, want) {
			t.Errorf("traceback lacks %q:\n%s", want, se.Traceback)
		}
	}
	for line := range strings.Lines(se.Traceback) {
		if strings.HasPrefix(line, "  File ") && !strings.HasPrefix(line, `  File "`+se.File+`"`) {
			t.Errorf("traceback shows a frame outside the script: %s", line)
		}
	}
}

// Objects an app keeps past its request refuse to reach the gateway.
func (s *suite) callablesKeptAfterRequestsEnd(t *testing.T) {
	app := s.load(t, `
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
`, setup{})
	want := []string{"first", "start_response used after its request finished|" +
		"wsgi.input used after its request finished|wsgi.errors used after its request finished"}
	for i, want := range want {
		var x Exchange
		body, err := Serve(context.Background(), app, x.Request(nil, ""))
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		if body != want {
			t.Errorf("request %d body = %q, want %q", i, body, want)
		}
	}
}
