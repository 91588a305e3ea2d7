package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/wsgi"
)

// parseRequest reads a raw request the way the server does, then adds the
// connection details net/http would set.
func parseRequest(t *testing.T, raw, remote, local string) *http.Request {
	t.Helper()
	r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		t.Fatalf("parse request: %v", err)
	}
	r.RemoteAddr = remote
	if local != "" {
		addr, err := net.ResolveTCPAddr("tcp", local)
		if err != nil {
			t.Fatalf("resolve %s: %v", local, err)
		}
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, addr))
	}
	return r
}

func TestNewWSGIRequest(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		remote string
		local  string
		want   wsgi.Request // Body is compared as "present or not"
		body   string
	}{
		{
			name:   "encoded slash stays encoded, raw query",
			raw:    "GET /a%2Fb/c%20d?x=1&y=%2F HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
			remote: "10.1.2.3:5555",
			local:  "127.0.0.1:8123",
			want: wsgi.Request{
				Method: "GET", Path: "/a%2Fb/c%20d", Query: "x=1&y=%2F", Protocol: "HTTP/1.1",
				Header:     []wsgi.Field{{Name: "Host", Value: "example.com:8080"}},
				ServerName: "example.com", ServerPort: "8123",
				RemoteAddr: "10.1.2.3", RemotePort: "5555",
			},
		},
		{
			name:   "absolute form",
			raw:    "GET http://example.org/p%2Fq?z HTTP/1.1\r\nHost: example.org\r\n\r\n",
			remote: "10.1.2.3:1",
			local:  "127.0.0.1:80",
			want: wsgi.Request{
				Method: "GET", Path: "/p%2Fq", Query: "z", Protocol: "HTTP/1.1",
				Header:     []wsgi.Field{{Name: "Host", Value: "example.org"}},
				ServerName: "example.org", ServerPort: "80",
				RemoteAddr: "10.1.2.3", RemotePort: "1",
			},
		},
		{
			name:   "absolute form without a path",
			raw:    "OPTIONS http://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n",
			remote: "10.1.2.3:1",
			local:  "127.0.0.1:80",
			want: wsgi.Request{
				Method: "OPTIONS", Path: "/", Protocol: "HTTP/1.1",
				Header:     []wsgi.Field{{Name: "Host", Value: "example.org"}},
				ServerName: "example.org", ServerPort: "80",
				RemoteAddr: "10.1.2.3", RemotePort: "1",
			},
		},
		{
			name:   "repeated headers keep every value",
			raw:    "GET / HTTP/1.1\r\nHost: h\r\nX-Tag: one\r\nAccept: */*\r\nX-Tag: two\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n",
			remote: "[2001:db8::7]:4444",
			local:  "[::1]:9000",
			want: wsgi.Request{
				Method: "GET", Path: "/", Protocol: "HTTP/1.1",
				Header: []wsgi.Field{
					{Name: "Host", Value: "h"},
					{Name: "Accept", Value: "*/*"},
					{Name: "Cookie", Value: "a=1"},
					{Name: "Cookie", Value: "b=2"},
					{Name: "X-Tag", Value: "one"},
					{Name: "X-Tag", Value: "two"},
				},
				ServerName: "h", ServerPort: "9000",
				RemoteAddr: "2001:db8::7", RemotePort: "4444",
			},
		},
		{
			name:   "IPv6 host keeps its brackets",
			raw:    "GET / HTTP/1.1\r\nHost: [::1]:8000\r\n\r\n",
			remote: "[::1]:4444",
			local:  "[::1]:8000",
			want: wsgi.Request{
				Method: "GET", Path: "/", Protocol: "HTTP/1.1",
				Header:     []wsgi.Field{{Name: "Host", Value: "[::1]:8000"}},
				ServerName: "[::1]", ServerPort: "8000",
				RemoteAddr: "::1", RemotePort: "4444",
			},
		},
		{
			name:   "no Host header falls back on the listener",
			raw:    "GET /x HTTP/1.0\r\n\r\n",
			remote: "192.0.2.9:40000",
			local:  "192.0.2.1:8000",
			want: wsgi.Request{
				Method: "GET", Path: "/x", Protocol: "HTTP/1.0",
				Header:     []wsgi.Field{},
				ServerName: "192.0.2.1", ServerPort: "8000",
				RemoteAddr: "192.0.2.9", RemotePort: "40000",
			},
		},
		{
			name:   "declared body",
			raw:    "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
			remote: "10.0.0.1:2",
			local:  "10.0.0.2:8000",
			want: wsgi.Request{
				Method: "POST", Path: "/form", Protocol: "HTTP/1.1", ContentLength: 5,
				Header:     []wsgi.Field{{Name: "Host", Value: "h"}, {Name: "Content-Length", Value: "5"}},
				ServerName: "h", ServerPort: "8000",
				RemoteAddr: "10.0.0.1", RemotePort: "2",
			},
			body: "hello",
		},
		{
			name:   "chunked body has unknown length",
			raw:    "POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
			remote: "10.0.0.1:2",
			local:  "10.0.0.2:8000",
			want: wsgi.Request{
				Method: "POST", Path: "/up", Protocol: "HTTP/1.1", ContentLength: -1,
				Header:     []wsgi.Field{{Name: "Host", Value: "h"}, {Name: "Transfer-Encoding", Value: "chunked"}},
				ServerName: "h", ServerPort: "8000",
				RemoteAddr: "10.0.0.1", RemotePort: "2",
			},
			body: "abc",
		},
		{
			name:   "unix socket peer without a port",
			raw:    "GET / HTTP/1.1\r\nHost: site.test:8443\r\n\r\n",
			remote: "@",
			want: wsgi.Request{
				Method: "GET", Path: "/", Protocol: "HTTP/1.1",
				Header:     []wsgi.Field{{Name: "Host", Value: "site.test:8443"}},
				ServerName: "site.test", ServerPort: "8443",
				RemoteAddr: "@",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseRequest(t, tt.raw, tt.remote, tt.local)
			got := newWSGIRequest(r, "id-1")
			if (got.Body != nil) != (tt.body != "") {
				t.Fatalf("Body present = %v, want %v", got.Body != nil, tt.body != "")
			}
			if got.Body != nil {
				b, err := io.ReadAll(got.Body)
				if err != nil || string(b) != tt.body {
					t.Fatalf("body = %q, %v; want %q", b, err, tt.body)
				}
			}
			got.Body = nil
			want := tt.want
			want.ID = "id-1"
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("got  %+v\nwant %+v", *got, want)
			}
		})
	}
}

func TestSplitRequestURI(t *testing.T) {
	tests := []struct {
		uri, path, query string
	}{
		{"/", "/", ""},
		{"/a%2Fb?", "/a%2Fb", ""},
		{"/a?b?c", "/a", "b?c"},
		{"*", "*", ""},
		{"https://h:1/x/y?q=1", "/x/y", "q=1"},
		{"http://h?q", "/", "q"},
		{"example.com:443", "", ""},
	}
	for _, tt := range tests {
		path, query := splitRequestURI(tt.uri)
		if path != tt.path || query != tt.query {
			t.Errorf("splitRequestURI(%q) = %q, %q; want %q, %q", tt.uri, path, query, tt.path, tt.query)
		}
	}
}

func TestHostWithoutPort(t *testing.T) {
	tests := []struct{ host, want string }{
		{"example.com", "example.com"},
		{"example.com:8080", "example.com"},
		{"[::1]:80", "[::1]"},
		{"[::1]", "[::1]"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := hostWithoutPort(tt.host); got != tt.want {
			t.Errorf("hostWithoutPort(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}
