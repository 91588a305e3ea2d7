package server

import (
	"net"
	"net/http"
	"sort"
	"strings"

	"github.com/gowsgi/gowsgi/core/wsgi"
)

// newWSGIRequest describes r for the gateway. The path and query are taken
// from the request line itself, because r.URL has already decoded what the
// app must see still encoded (%2F stays %2F).
func newWSGIRequest(r *http.Request, id string) *wsgi.Request {
	path, query := splitRequestURI(r.RequestURI)
	if path == "" {
		// CONNECT's authority form, or a request built without a
		// RequestURI: fall back on what net/http parsed.
		path, query = r.URL.EscapedPath(), r.URL.RawQuery
	}
	localHost, localPort := localAddr(r)
	remoteHost, remotePort := splitHostPort(r.RemoteAddr)
	req := &wsgi.Request{
		ID:            id,
		Method:        r.Method,
		Path:          path,
		Query:         query,
		Protocol:      r.Proto,
		Header:        headerFields(r),
		ContentLength: r.ContentLength,
		ServerName:    hostWithoutPort(r.Host),
		ServerPort:    localPort,
		RemoteAddr:    remoteHost,
		RemotePort:    remotePort,
		TLS:           r.TLS != nil,
	}
	if req.ServerName == "" {
		req.ServerName = localHost
	}
	if req.ServerPort == "" {
		req.ServerPort = defaultPort(r)
	}
	if r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody {
		req.Body = r.Body
	} else {
		req.ContentLength = 0
	}
	return req
}

// splitRequestURI returns the encoded path and raw query of a request
// target in origin form ("/a%2Fb?x") or absolute form
// ("http://host/a%2Fb?x"). It returns an empty path for other forms.
func splitRequestURI(uri string) (path, query string) {
	target, query, _ := strings.Cut(uri, "?")
	if target == "*" || strings.HasPrefix(target, "/") {
		return target, query
	}
	_, rest, ok := strings.Cut(target, "://")
	if !ok {
		return "", ""
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:], query
	}
	return "/", query
}

// headerFields lists every value of every header. net/http keeps Host and
// Transfer-Encoding out of r.Header, so they are put back: apps read
// HTTP_HOST, and HTTP_TRANSFER_ENCODING tells them the body was chunked.
// Names are sorted because the map has no order and logs should be stable.
func headerFields(r *http.Request) []wsgi.Field {
	names := make([]string, 0, len(r.Header))
	n := 0
	for name, values := range r.Header {
		names = append(names, name)
		n += len(values)
	}
	sort.Strings(names)
	fields := make([]wsgi.Field, 0, n+2)
	if r.Host != "" {
		fields = append(fields, wsgi.Field{Name: "Host", Value: r.Host})
	}
	if len(r.TransferEncoding) > 0 {
		fields = append(fields, wsgi.Field{Name: "Transfer-Encoding", Value: strings.Join(r.TransferEncoding, ", ")})
	}
	for _, name := range names {
		for _, v := range r.Header[name] {
			fields = append(fields, wsgi.Field{Name: name, Value: v})
		}
	}
	return fields
}

// hostWithoutPort strips the port from a Host header value, keeping the
// brackets of an IPv6 literal as Apache does for SERVER_NAME.
func hostWithoutPort(host string) string {
	if strings.HasPrefix(host, "[") {
		if i := strings.IndexByte(host, ']'); i >= 0 {
			return host[:i+1]
		}
		return host
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		return host[:i]
	}
	return host
}

// localAddr is the address of the listener that accepted the connection.
func localAddr(r *http.Request) (host, port string) {
	addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok || addr == nil {
		return "", ""
	}
	return splitHostPort(addr.String())
}

// splitHostPort splits "host:port", returning the whole address as host
// when it has no port (a unix socket peer, for instance).
func splitHostPort(addr string) (host, port string) {
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		return addr, ""
	}
	return h, p
}

// defaultPort is SERVER_PORT for a connection without a TCP port (a unix
// socket): the Host header's port, else the scheme's default.
func defaultPort(r *http.Request) string {
	if _, p, err := net.SplitHostPort(r.Host); err == nil && p != "" {
		return p
	}
	if r.TLS != nil {
		return "443"
	}
	return "80"
}
