package wsgi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBuildEnviron(t *testing.T) {
	base := func() *Request {
		return &Request{
			Method: "POST", Path: "/app/x", Query: "a=1&b=%20", Protocol: "HTTP/1.1",
			ServerName: "example.test", ServerPort: "8080", RemoteAddr: "10.0.0.1", RemotePort: "5555",
			ContentLength: 3, Body: strings.NewReader("abc"),
		}
	}
	tests := []struct {
		name    string
		header  []Field
		opts    EnvironOptions
		mutate  func(*Request)
		want    map[string]string
		wantNot []string
	}{
		{
			name: "CGI variables",
			want: map[string]string{
				"REQUEST_METHOD": "POST", "SCRIPT_NAME": "/app", "PATH_INFO": "/x", "QUERY_STRING": "a=1&b=%20",
				"SERVER_NAME": "example.test", "SERVER_PORT": "8080", "SERVER_PROTOCOL": "HTTP/1.1",
				"REMOTE_ADDR": "10.0.0.1", "REMOTE_PORT": "5555", "CONTENT_LENGTH": "3",
			},
			wantNot: []string{"HTTPS"},
		},
		{
			name:    "headers become HTTP_ and repeats join",
			header:  []Field{{"X-Thing", "a"}, {"x-thing", "b"}, {"Content-Type", "text/plain"}, {"Accept", "*/*"}},
			want:    map[string]string{"HTTP_X_THING": "a, b", "CONTENT_TYPE": "text/plain", "HTTP_ACCEPT": "*/*"},
			wantNot: []string{"HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"},
		},
		{
			name:   "underscore headers are dropped, the dash one kept",
			header: []Field{{"X_User", "spoof"}, {"X-User", "real"}},
			want:   map[string]string{"HTTP_X_USER": "real"},
		},
		{
			name:    "Proxy is dropped (httpoxy)",
			header:  []Field{{"Proxy", "http://evil:1"}},
			wantNot: []string{"HTTP_PROXY"},
		},
		{
			name:    "Authorization withheld by default",
			header:  []Field{{"Authorization", "Basic eDp5"}},
			wantNot: []string{"HTTP_AUTHORIZATION"},
		},
		{
			name:   "Authorization passed when asked",
			header: []Field{{"Authorization", "Basic eDp5"}},
			opts:   EnvironOptions{PassAuthorization: true},
			want:   map[string]string{"HTTP_AUTHORIZATION": "Basic eDp5"},
		},
		{
			name:    "chunked body has no CONTENT_LENGTH",
			mutate:  func(r *Request) { r.ContentLength = -1 },
			wantNot: []string{"CONTENT_LENGTH"},
		},
		{
			name:   "TLS and host variables",
			mutate: func(r *Request) { r.TLS = true; r.Vars = map[string]string{"REMOTE_USER": "ann"} },
			want:   map[string]string{"HTTPS": "on", "REMOTE_USER": "ann"},
		},
		{
			name:   "header bytes arrive as latin-1 code points",
			header: []Field{{"X-Name", "caf\xc3\xa9"}},
			want:   map[string]string{"HTTP_X_NAME": "caf\u00c3\u00a9"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := base()
			req.Header = tt.header
			if tt.mutate != nil {
				tt.mutate(req)
			}
			env := BuildEnviron(req, "/app", "/x", tt.opts)
			for k, v := range tt.want {
				if got, ok := env.Lookup(k); !ok || got != v {
					t.Errorf("%s = %q (present %v), want %q", k, got, ok, v)
				}
			}
			for _, k := range tt.wantNot {
				if v, ok := env.Lookup(k); ok {
					t.Errorf("%s present (%q), want absent", k, v)
				}
			}
		})
	}
}

// The environ's order is the same on every request: the server's
// variables, the headers as they came, then the host's, names unique.
func TestBuildEnvironOrder(t *testing.T) {
	req := &Request{
		Method: "GET", Path: "/x", Protocol: "HTTP/1.1", ServerName: "h", ServerPort: "80",
		RemoteAddr: "10.0.0.1", RemotePort: "1", ContentLength: -1, TLS: true,
		Header: []Field{{"Host", "h"}, {"Accept", "a"}, {"Host", "h2"}, {"Content-Type", "t"}},
		Vars:   map[string]string{"REMOTE_USER": "ann", "AUTH_TYPE": "Basic", "HTTP_HOST": "from the host", "PATH_INFO": "/spoof"},
	}
	want := []string{
		"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME", "SERVER_PORT",
		"SERVER_PROTOCOL", "REMOTE_ADDR", "REMOTE_PORT", "HTTPS", "HTTP_HOST", "HTTP_ACCEPT", "CONTENT_TYPE",
		"AUTH_TYPE", "REMOTE_USER",
	}
	for range 3 {
		env := BuildEnviron(req, "", "/x", EnvironOptions{})
		var got []string
		for _, v := range env {
			got = append(got, v.Name)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("order\n%v\nwant\n%v", got, want)
		}
		if env.Get("HTTP_HOST") != "h, h2" || env.Get("PATH_INFO") != "/x" {
			t.Fatalf("host variables replaced the request's: HTTP_HOST %q PATH_INFO %q", env.Get("HTTP_HOST"), env.Get("PATH_INFO"))
		}
	}
}

// Past manyHeaders, repeats are found through an index: the same result.
func TestBuildEnvironManyHeaders(t *testing.T) {
	var header []Field
	for i := range 3 * manyHeaders {
		header = append(header, Field{fmt.Sprintf("X-H%d", i%manyHeaders), strconv.Itoa(i)})
	}
	for _, n := range []int{manyHeaders / 2, 3 * manyHeaders} {
		env := BuildEnviron(&Request{Method: "GET", ContentLength: -1, Header: header[:n]}, "", "/", EnvironOptions{})
		for i := range min(n, manyHeaders) {
			var want []string
			for j := i; j < n; j += manyHeaders {
				want = append(want, strconv.Itoa(j))
			}
			if got := env.Get(fmt.Sprintf("HTTP_X_H%d", i)); got != strings.Join(want, ", ") {
				t.Fatalf("%d headers: HTTP_X_H%d = %q, want %q", n, i, got, strings.Join(want, ", "))
			}
		}
	}
}

func TestLatin1RoundTrip(t *testing.T) {
	for _, s := range []string{"", "ascii", "caf\xc3\xa9", "\xff\x00\x80", "/caf\xe9"} {
		l := Latin1(s)
		if !utf8.ValidString(l) || utf8.RuneCountInString(l) != len(s) {
			t.Errorf("Latin1(%q) = %q: want one code point per byte", s, l)
		}
		back, ok := FromLatin1(l)
		if !ok || back != s {
			t.Errorf("FromLatin1(Latin1(%q)) = %q, %v", s, back, ok)
		}
	}
	if _, ok := FromLatin1("snow \u2603"); ok {
		t.Error("FromLatin1 accepted a code point above U+00FF")
	}
}

func FuzzBuildEnviron(f *testing.F) {
	f.Add("X-Test", "value", "/p\xe9th", "q=1")
	f.Add("X_Spoof", "a\r\nb", "/", "")
	f.Add("Proxy", "x", "/a/b", "a&b")
	f.Fuzz(func(t *testing.T, name, value, path, query string) {
		req := &Request{Method: "GET", Path: path, Query: query, ContentLength: -1,
			Header: []Field{{name, value}, {"X-Fixed", "1"}}}
		env := BuildEnviron(req, "", path, EnvironOptions{})
		names := map[string]bool{}
		for _, ev := range env {
			k, v := ev.Name, ev.Value
			if names[k] {
				t.Fatalf("%s appears twice", k)
			}
			names[k] = true
			if !utf8.ValidString(v) {
				t.Fatalf("%s is not valid text: %q", k, v)
			}
			if _, ok := FromLatin1(v); !ok {
				t.Fatalf("%s = %q is not latin-1 bytes-in-str", k, v)
			}
		}
		if env.Get("HTTP_X_FIXED") != "1" && !strings.EqualFold(name, "X-Fixed") {
			t.Fatalf("unrelated header lost: %v", env)
		}
		if strings.Contains(name, "_") || strings.EqualFold(name, "Proxy") {
			key, _ := cgiHeaderKey(strings.ReplaceAll(name, "_", "-"), false)
			if v, ok := env.Lookup(key); ok && v == Latin1(value) && key != "HTTP_X_FIXED" {
				t.Fatalf("header %q reached the app as %s", name, key)
			}
		}
		if got, want := env.Get("PATH_INFO"), Latin1(path); got != want {
			t.Fatalf("PATH_INFO = %q, want %q", got, want)
		}
	})
}

// The keys of common headers are made once; any spelling of their names
// finds them without allocating, and other headers still get theirs.
func TestCommonHeaderKeys(t *testing.T) {
	tests := []struct{ name, key string }{
		{"Host", "HTTP_HOST"},
		{"host", "HTTP_HOST"},
		{"USER-AGENT", "HTTP_USER_AGENT"},
		{"x-forwarded-for", "HTTP_X_FORWARDED_FOR"},
		{"Content-Type", "CONTENT_TYPE"},
		{"X-Custom-Thing", "HTTP_X_CUSTOM_THING"},
		{strings.Repeat("Long-", 20) + "Name", "HTTP_" + strings.Repeat("LONG_", 20) + "NAME"},
	}
	for _, tt := range tests {
		key, ok := cgiHeaderKey(tt.name, true)
		if !ok || key != tt.key {
			t.Errorf("cgiHeaderKey(%q) = %q, %v; want %q", tt.name, key, ok, tt.key)
		}
	}
	if n := testing.AllocsPerRun(100, func() { cgiHeaderKey("accept-encoding", false) }); n != 0 {
		t.Errorf("a common header's key cost %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { cgiHeaderKey("X-Custom-Thing", false) }); n != 1 {
		t.Errorf("an unusual header's key cost %v allocations, want 1", n)
	}
}

// EnvironNames holds every key BuildEnviron gives the server's variables
// and common headers, spelt as it spells them.
func TestEnvironNames(t *testing.T) {
	names := map[string]bool{}
	for _, name := range EnvironNames() {
		names[name] = true
	}
	req := &Request{
		Method: "POST", Path: "/", Query: "a=1", Protocol: "HTTP/1.1", ServerName: "h", ServerPort: "80",
		RemoteAddr: "127.0.0.1", RemotePort: "1", TLS: true, ContentLength: 3, Body: readCloser{strings.NewReader("abc")},
		Header: []Field{{Name: "Content-Type", Value: "text/plain"}},
	}
	for _, name := range commonHeaders {
		req.Header = append(req.Header, Field{Name: name, Value: "v"})
	}
	for _, v := range BuildEnviron(req, "", "/", EnvironOptions{PassAuthorization: true}) {
		if !names[v.Name] {
			t.Errorf("%s is not in EnvironNames", v.Name)
		}
	}
}
