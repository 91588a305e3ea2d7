package wsgi

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// EnvironOptions are the per-app choices that shape the environ.
type EnvironOptions struct {
	// PassAuthorization passes the Authorization header as
	// HTTP_AUTHORIZATION (WSGIPassAuthorization On).
	PassAuthorization bool
}

// BuildEnviron returns the CGI variables of PEP 3333 for req. scriptName and
// pathInfo are the decoded halves of the path, split by the dispatcher. All
// values are latin-1 "bytes in str": each byte becomes the code point of the
// same value, so the app sees exactly what came over the wire.
func BuildEnviron(req *Request, scriptName, pathInfo string, opts EnvironOptions) map[string]string {
	env := make(map[string]string, 16+len(req.Header)+len(req.Vars))
	for k, v := range req.Vars {
		env[k] = Latin1(v)
	}
	env["REQUEST_METHOD"] = Latin1(req.Method)
	env["SCRIPT_NAME"] = Latin1(scriptName)
	env["PATH_INFO"] = Latin1(pathInfo)
	env["QUERY_STRING"] = Latin1(req.Query)
	env["SERVER_NAME"] = Latin1(req.ServerName)
	env["SERVER_PORT"] = Latin1(req.ServerPort)
	env["SERVER_PROTOCOL"] = Latin1(req.Protocol)
	env["REMOTE_ADDR"] = Latin1(req.RemoteAddr)
	if req.RemotePort != "" {
		env["REMOTE_PORT"] = Latin1(req.RemotePort)
	}
	if req.TLS {
		env["HTTPS"] = "on"
	}
	if req.ContentLength >= 0 && req.Body != nil {
		env["CONTENT_LENGTH"] = strconv.FormatInt(req.ContentLength, 10)
	}
	for _, f := range req.Header {
		key, ok := cgiHeaderKey(f.Name, opts.PassAuthorization)
		if !ok {
			continue
		}
		v := Latin1(f.Value)
		if prev, seen := env[key]; seen {
			v = prev + ", " + v
		}
		env[key] = v
	}
	return env
}

// cgiHeaderKey maps a header name to its environ key, or reports that the
// header must not reach the app.
func cgiHeaderKey(name string, passAuthorization bool) (string, bool) {
	if name == "" || strings.IndexByte(name, '_') >= 0 {
		// "X_User" would alias "X-User" as HTTP_X_USER and spoof it.
		return "", false
	}
	switch {
	case strings.EqualFold(name, "Content-Type"):
		return "CONTENT_TYPE", true
	case strings.EqualFold(name, "Content-Length"):
		// The host's framed length is authoritative; see BuildEnviron.
		return "", false
	case strings.EqualFold(name, "Proxy"):
		// httpoxy: HTTP_PROXY would be taken for the proxy setting.
		return "", false
	case strings.EqualFold(name, "Authorization") && !passAuthorization:
		return "", false
	}
	var b strings.Builder
	b.Grow(5 + len(name))
	b.WriteString("HTTP_")
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-':
			c = '_'
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// Latin1 maps every byte of s to the code point of the same value, the "bytes
// in str" of PEP 3333. ASCII strings are returned unchanged.
func Latin1(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s)+(len(s)-i))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		b = utf8.AppendRune(b, rune(s[i]))
	}
	return string(b)
}

// FromLatin1 is Latin1's inverse for strings the app produced: it fails when
// a code point does not fit in one byte.
func FromLatin1(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, true
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for _, r := range s[i:] {
		if r > 0xFF { // invalid UTF-8 decodes to U+FFFD and fails here too
			return "", false
		}
		b = append(b, byte(r))
	}
	return string(b), true
}
