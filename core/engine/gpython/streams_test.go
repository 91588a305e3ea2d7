package gpython

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestInputStream(t *testing.T) {
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
		{name: "iteration", code: `b"|".join([line for line in inp])`, body: "x\ny\n", want: "x\n|y\n"},
		{name: "getvalue after read", code: `inp.read(1) + b"|" + inp.getvalue()`, body: "hello", want: "h|ello"},
		{name: "end of body", code: `inp.read() + b"|" + inp.read() + inp.readline()`, body: "all", want: "all|"},
		{name: "bad size", code: `inp.read("1")`, want: "TypeError: read() argument must be int or None, not str"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// gpython's bytes has no join; join_bar stands in for b"|".join.
			app := load(t, `
def application(environ, start_response):
    inp = environ['wsgi.input']
    start_response('200 OK', [])
    return [`+strings.ReplaceAll(tc.code, `b"|".join(`, `join_bar(`)+`]

def join_bar(parts):
    out = b""
    for i, p in enumerate(parts):
        if i:
            out += b"|"
        out += p
    return out
`)
			var x exchange
			body, err := serve(context.Background(), app, x.request(nil, tc.body))
			if strings.HasPrefix(tc.want, "TypeError") {
				if se := scriptError(t, err); se.Message != tc.want {
					t.Fatalf("message = %q, want %q", se.Message, tc.want)
				}
				return
			}
			if err != nil || body != tc.want {
				t.Fatalf("body %q err %v, want %q", body, err, tc.want)
			}
		})
	}
}

func TestInputStreamGatewayError(t *testing.T) {
	app := load(t, `
def application(environ, start_response):
    start_response('200 OK', [])
    try:
        environ['wsgi.input'].read()
    except OSError as e:
        return [str(e).encode()]
    return [b"no error"]
`)
	var x exchange
	req := x.request(nil, "")
	req.Input = &fakeInput{err: errors.New("client went away")}
	body, err := serve(context.Background(), app, req)
	if err != nil || body != "wsgi.input.read: client went away" {
		t.Fatalf("body %q err %v", body, err)
	}
}

func TestErrorStream(t *testing.T) {
	cases := []struct {
		name, code, want, wantErr string
	}{
		{name: "write", code: `errors.write("line\n")`, want: "line\n"},
		{name: "writelines", code: `errors.writelines(["a", "b\n"])`, want: "ab\n"},
		{name: "write returns characters", code: `errors.write(str(errors.write("\xe9t\xe9")))`, want: "\u00e9t\u00e93"},
		{name: "write refuses bytes", code: `errors.write(b"raw")`, wantErr: "TypeError: wsgi.errors.write() argument must be str, not bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, `
def application(environ, start_response):
    errors = environ['wsgi.errors']
    `+tc.code+`
    errors.flush()
    start_response('200 OK', [])
    return []
`)
			var x exchange
			_, err := serve(context.Background(), app, x.request(nil, ""))
			if tc.wantErr != "" {
				if se := scriptError(t, err); se.Message != tc.wantErr {
					t.Fatalf("message = %q, want %q", se.Message, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := x.errs.String(); got != tc.want || x.errs.flushes != 1 {
				t.Errorf("errors got %q (%d flushes), want %q", got, x.errs.flushes, tc.want)
			}
		})
	}
}
