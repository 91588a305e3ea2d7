//go:build cgo && cpython

package cpython

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

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
		{name: "error on the first chunk", failAt: "1", iterate: false, wantIterErr: "RuntimeError: broken body"},
		{name: "closed without iterating", failAt: "0", iterate: false},
		{name: "close raises", failAt: "-1", iterate: true, wantCloseErr: "OSError: close failed"},
	}
	app := load(t, src)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var x exchange
			res, err := app.Call(context.Background(), x.request(map[string]string{"QUERY_STRING": tc.failAt}, ""))
			if err != nil {
				// The first chunk is fetched with the call.
				if tc.wantIterErr == "" || scriptError(t, err).Message != tc.wantIterErr {
					t.Fatalf("Call: %v", err)
				}
				if got := strings.Count(x.errs.String(), "closed\n"); got != 1 {
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
				if se := scriptError(t, iterErr); se.Message != tc.wantIterErr {
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
				if se := scriptError(t, closeErr); se.Message != tc.wantCloseErr {
					t.Errorf("Close error = %q, want %q", se.Message, tc.wantCloseErr)
				}
			} else if closeErr != nil {
				t.Fatalf("Close: %v", closeErr)
			}
			if err := res.Close(); err != nil {
				t.Fatalf("second Close: %v", err)
			}
			if _, err := res.Next(); !errors.Is(err, errResultClosed) {
				t.Errorf("Next after Close = %v, want errResultClosed", err)
			}
			if got := strings.Count(x.errs.String(), "closed\n"); got != 1 {
				t.Errorf("close() ran %d times, want 1", got)
			}
		})
	}
}

func TestFileWrapper(t *testing.T) {
	cases := []struct {
		name, setup, wrap, want, wantErrors string
	}{
		{
			name: "file-like object in blocks, closed at the end",
			setup: `
class Source:
    def __init__(self, chunks, errors):
        self.chunks, self.errors, self.i = chunks, errors, 0
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
			wrap:  `io.BytesIO(b"z" * 20000)`,
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
			app := load(t, tc.setup+`
def application(environ, start_response):
    start_response('200 OK', [])
    return environ['wsgi.file_wrapper'](`+tc.wrap+`)
`)
			var x exchange
			body, err := serve(context.Background(), app, x.request(nil, ""))
			if err != nil {
				t.Fatal(err)
			}
			if body != tc.want {
				t.Errorf("body = %.40q (%d bytes), want %.40q (%d bytes)", body, len(body), tc.want, len(tc.want))
			}
			if got := x.errs.String(); got != tc.wantErrors {
				t.Errorf("file-like calls = %q, want %q", got, tc.wantErrors)
			}
		})
	}
}

func TestFileWrapperArguments(t *testing.T) {
	app := load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    environ['wsgi.file_wrapper'](None, 0)
    return []
`)
	var x exchange
	_, err := serve(context.Background(), app, x.request(nil, ""))
	if se := scriptError(t, err); se.Message != "ValueError: file_wrapper() block_size must be positive, not 0" || se.Line != 4 {
		t.Errorf("got %s:%d %q", se.File, se.Line, se.Message)
	}
}

func TestBodyItemsMustBeBytes(t *testing.T) {
	cases := []struct {
		name, ret, wantType, wantBody string
	}{
		{name: "str in a list", ret: `[b"ok", "text"]`, wantType: "str", wantBody: "ok"},
		{name: "int in a tuple", ret: `(1,)`, wantType: "int"},
		{name: "None from a generator", ret: `(x for x in [b"a", None])`, wantType: "NoneType", wantBody: "a"},
		{name: "bytearray", ret: `[bytearray(b"x")]`, wantType: "bytearray"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return "+tc.ret+"\n")
			var x exchange
			body, err := serve(context.Background(), app, x.request(nil, ""))
			se := scriptError(t, err)
			if want := "TypeError: WSGI response iterable yielded " + tc.wantType + ", not bytes"; se.Message != want {
				t.Errorf("message = %q, want %q", se.Message, want)
			}
			if body != tc.wantBody {
				t.Errorf("body before the bad item = %q, want %q", body, tc.wantBody)
			}
		})
	}
}
