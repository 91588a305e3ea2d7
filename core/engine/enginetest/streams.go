package enginetest

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func (s *suite) inputStream(t *testing.T) {
	cases := []struct {
		name, code, body, want string
	}{
		{name: "read all", code: `inp.read()`, body: "a\nb\n", want: "a\nb\n"},
		{name: "read None", code: `inp.read(None)`, body: "abc", want: "abc"},
		{name: "read sized", code: `inp.read(2) + b"|" + inp.read(2)`, body: "abcde", want: "ab|cd"},
		{name: "readline", code: `inp.readline() + b"|" + inp.readline()`, body: "one\ntwo\nthree", want: "one\n|two\n"},
		{name: "readline limit", code: `inp.readline(2) + b"|" + inp.readline()`, body: "one\ntwo\n", want: "on|e\n"},
		{name: "readlines", code: `b"|".join(inp.readlines())`, body: "1\n2\n3", want: "1\n|2\n|3"},
		{name: "readlines hint", code: `b"|".join(inp.readlines(4))`, body: "12\n34\n56\n", want: "12\n|34\n"},
		{name: "iteration", code: `b"|".join(line for line in inp)`, body: "x\ny\n", want: "x\n|y\n"},
		{name: "iteration into a list", code: `b"|".join([line for line in inp])`, body: "x\ny\n", want: "x\n|y\n"},
		{name: "getvalue after read", code: `inp.read(1) + b"|" + inp.getvalue()`, body: "hello", want: "h|ello"},
		{name: "end of body", code: `inp.read() + b"|" + inp.read() + inp.readline()`, body: "all", want: "all|"},
		{name: "results are bytes", code: `str([type(inp.read(1)), type(inp.readline()), type(inp.readlines())]).encode()`,
			body: "ab\n", want: "[<class 'bytes'>, <class 'bytes'>, <class 'list'>]"},
		{name: "bad size", code: `inp.read("1")`, want: "TypeError: read() argument must be int or None, not str"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := s.load(t, `
def application(environ, start_response):
    inp = environ['wsgi.input']
    start_response('200 OK', [])
    return [`+tc.code+`]
`, setup{})
			var x Exchange
			body, err := Serve(context.Background(), app, x.Request(nil, tc.body))
			if strings.HasPrefix(tc.want, "TypeError") {
				if se := ScriptError(t, err); se.Message != tc.want || se.Line != 5 {
					t.Fatalf("got line %d message %q, want line 5 message %q", se.Line, se.Message, tc.want)
				}
				return
			}
			if err != nil || body != tc.want {
				t.Fatalf("body %q err %v, want %q", body, err, tc.want)
			}
		})
	}
}

func (s *suite) inputStreamGatewayError(t *testing.T) {
	app := s.load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    try:
        environ['wsgi.input'].read()
    except OSError as e:
        return [str(e).encode()]
    return [b"no error"]
`, setup{})
	var x Exchange
	req := x.Request(nil, "")
	req.Input = &Input{Err: errors.New("client went away")}
	body, err := Serve(context.Background(), app, req)
	if err != nil || body != "wsgi.input.read: client went away" {
		t.Fatalf("body %q err %v", body, err)
	}
}

func (s *suite) errorStream(t *testing.T) {
	cases := []struct {
		name, code, want, wantErr string
	}{
		{name: "write", code: `errors.write("line\n")`, want: "line\n"},
		{name: "writelines", code: `errors.writelines(["a", "b\n"])`, want: "ab\n"},
		{name: "write returns characters", code: `errors.write(str(errors.write("\xe9t\xe9")))`, want: "\u00e9t\u00e93"},
		{name: "write refuses bytes", code: `errors.write(b"raw")`, wantErr: "TypeError: wsgi.errors.write() argument must be str, not bytes"},
		{name: "writelines refuses bytes", code: `errors.writelines(["ok", b"raw"])`, wantErr: "TypeError: wsgi.errors.write() argument must be str, not bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := s.load(t, `
def application(environ, start_response):
    errors = environ['wsgi.errors']
    `+tc.code+`
    errors.flush()
    start_response('200 OK', [])
    return []
`, setup{})
			var x Exchange
			_, err := Serve(context.Background(), app, x.Request(nil, ""))
			if tc.wantErr != "" {
				if se := ScriptError(t, err); se.Message != tc.wantErr || se.Line != 4 {
					t.Fatalf("got line %d message %q, want line 4 message %q", se.Line, se.Message, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := x.Errors.String(); got != tc.want || x.Errors.Flushes() != 1 {
				t.Errorf("errors got %q (%d flushes), want %q", got, x.Errors.Flushes(), tc.want)
			}
		})
	}
}
