package wsgi

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gowsgi/gowsgi/core/engine"
)

// ParseStatus checks a WSGI status line such as "200 OK" and returns its
// code and reason phrase in wire (latin-1 byte) form.
func ParseStatus(status string) (int, string, error) {
	wire, ok := FromLatin1(status)
	if !ok {
		return 0, "", fmt.Errorf("status %q has characters outside latin-1", status)
	}
	if len(wire) < 5 || wire[3] != ' ' {
		return 0, "", fmt.Errorf("status %q must look like \"200 OK\": three digits, a space, a reason phrase", status)
	}
	code := 0
	for i := 0; i < 3; i++ {
		if wire[i] < '0' || wire[i] > '9' {
			return 0, "", fmt.Errorf("status %q must start with a three-digit code", status)
		}
		code = code*10 + int(wire[i]-'0')
	}
	if code < 100 || code > 599 {
		return 0, "", fmt.Errorf("status %q must start with a code from 100 to 599", status)
	}
	reason := wire[4:]
	for i := 0; i < len(reason); i++ {
		if isCTL(reason[i]) {
			return 0, "", fmt.Errorf("status %q has a control character in its reason phrase", status)
		}
	}
	return code, reason, nil
}

// ValidateHeaders checks the app's headers and returns them in wire form.
// It refuses anything that could split a header or a response on the wire.
// Hop-by-hop headers are dropped, as PEP 3333 reserves them to the server;
// dropped names are returned so the caller can log them.
func ValidateHeaders(headers []engine.Header) (valid []engine.Header, dropped []string, err error) {
	valid = make([]engine.Header, 0, len(headers))
	for _, h := range headers {
		if !isToken(h.Name) {
			return nil, nil, fmt.Errorf("header name %q is not an HTTP token", h.Name)
		}
		value, ok := FromLatin1(h.Value)
		if !ok {
			return nil, nil, fmt.Errorf("header %s: value %q has characters outside latin-1", h.Name, h.Value)
		}
		for i := 0; i < len(value); i++ {
			if isCTL(value[i]) {
				return nil, nil, fmt.Errorf("header %s: value %q has a control character", h.Name, h.Value)
			}
		}
		if isHopByHop(h.Name) {
			dropped = append(dropped, h.Name)
			continue
		}
		valid = append(valid, engine.Header{Name: h.Name, Value: value})
	}
	return valid, dropped, nil
}

// contentLength returns the declared Content-Length, or -1 when there is
// none. A malformed or repeated one is an error: it would desync framing.
func contentLength(headers []engine.Header) (int64, error) {
	n := int64(-1)
	for _, h := range headers {
		if !strings.EqualFold(h.Name, "Content-Length") {
			continue
		}
		if n >= 0 {
			return 0, fmt.Errorf("Content-Length given twice")
		}
		v, err := strconv.ParseInt(strings.TrimSpace(h.Value), 10, 64)
		if err != nil || v < 0 || strings.HasPrefix(strings.TrimSpace(h.Value), "+") {
			return 0, fmt.Errorf("Content-Length %q is not a non-negative integer", h.Value)
		}
		n = v
	}
	return n, nil
}

// isCTL reports control characters; horizontal tab is allowed in values.
func isCTL(c byte) bool {
	return (c < 0x20 && c != '\t') || c == 0x7f
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return false
		}
	}
	return true
}

func isTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

func isHopByHop(name string) bool {
	switch strings.ToLower(name) {
	case "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
		"te", "trailers", "transfer-encoding", "upgrade":
		return true
	}
	return false
}
