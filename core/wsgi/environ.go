package wsgi

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gowsgi/gowsgi/core/engine"
)

// EnvironOptions are the per-app choices that shape the environ.
type EnvironOptions struct {
	// PassAuthorization passes the Authorization header as
	// HTTP_AUTHORIZATION (WSGIPassAuthorization On).
	PassAuthorization bool
}

// BuildEnviron returns the CGI variables of PEP 3333 for req, in a fixed
// order: the server's, then the headers as they came, then the host's
// extra variables. scriptName and pathInfo are the decoded halves of the
// path, split by the dispatcher. All values are latin-1 "bytes in str":
// each byte becomes the code point of the same value, so the app sees
// exactly what came over the wire.
func BuildEnviron(req *Request, scriptName, pathInfo string, opts EnvironOptions) engine.Environ {
	env := make(engine.Environ, 0, 11+len(req.Header)+len(req.Vars))
	env = append(env,
		engine.Var{Name: "REQUEST_METHOD", Value: Latin1(req.Method)},
		engine.Var{Name: "SCRIPT_NAME", Value: Latin1(scriptName)},
		engine.Var{Name: "PATH_INFO", Value: Latin1(pathInfo)},
		engine.Var{Name: "QUERY_STRING", Value: Latin1(req.Query)},
		engine.Var{Name: "SERVER_NAME", Value: Latin1(req.ServerName)},
		engine.Var{Name: "SERVER_PORT", Value: Latin1(req.ServerPort)},
		engine.Var{Name: "SERVER_PROTOCOL", Value: Latin1(req.Protocol)},
		engine.Var{Name: "REMOTE_ADDR", Value: Latin1(req.RemoteAddr)},
	)
	if req.RemotePort != "" {
		env = append(env, engine.Var{Name: "REMOTE_PORT", Value: Latin1(req.RemotePort)})
	}
	if req.TLS {
		env = append(env, engine.Var{Name: "HTTPS", Value: "on"})
	}
	if req.ContentLength >= 0 && req.Body != nil {
		env = append(env, engine.Var{Name: "CONTENT_LENGTH", Value: strconv.FormatInt(req.ContentLength, 10)})
	}
	env = appendHeaders(env, req.Header, opts.PassAuthorization)
	// The host's variables (REMOTE_USER, AUTH_TYPE…) never replace the
	// server's or the client's.
	for _, name := range slices.Sorted(maps.Keys(req.Vars)) {
		if _, set := env.Lookup(name); !set {
			env = append(env, engine.Var{Name: name, Value: Latin1(req.Vars[name])})
		}
	}
	return env
}

// manyHeaders is where appendHeaders starts indexing the keys it has seen:
// below it, scanning them is cheaper than hashing.
const manyHeaders = 32

// appendHeaders adds the headers that may reach the app as HTTP_*
// variables; a repeated header's values are joined with ", ".
func appendHeaders(env engine.Environ, header []Field, passAuthorization bool) engine.Environ {
	first := len(env)
	var seen map[string]int
	if len(header) > manyHeaders {
		seen = make(map[string]int, len(header))
	}
	for _, f := range header {
		key, ok := cgiHeaderKey(f.Name, passAuthorization)
		if !ok {
			continue
		}
		value := Latin1(f.Value)
		at := -1
		if seen != nil {
			if i, ok := seen[key]; ok {
				at = i
			}
		} else {
			for i := first; i < len(env); i++ {
				if env[i].Name == key {
					at = i
					break
				}
			}
		}
		if at >= 0 {
			env[at].Value += ", " + value
			continue
		}
		if seen != nil {
			seen[key] = len(env)
		}
		env = append(env, engine.Var{Name: key, Value: value})
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
	// Built on the stack: a common header's key is then looked up without
	// allocating, and only an unusual header's key becomes a new string.
	var buf [64]byte
	key := appendHeaderKey(buf[:0], name)
	if common, ok := commonHeaderKeys[string(key)]; ok {
		return common, true
	}
	return string(key), true
}

// appendHeaderKey appends the HTTP_ key of header name to dst.
func appendHeaderKey(dst []byte, name string) []byte {
	dst = append(dst, "HTTP_"...)
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-':
			c = '_'
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// commonHeaders are the request headers most clients send.
var commonHeaders = []string{
	"Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control",
	"Connection", "Cookie", "DNT", "Host", "If-Modified-Since", "If-None-Match", "Origin",
	"Pragma", "Priority", "Referer", "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site",
	"Sec-Fetch-User", "Upgrade-Insecure-Requests", "User-Agent", "X-Forwarded-For",
	"X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Requested-With",
}

// commonHeaderKeys holds the environ keys of commonHeaders, each made once,
// indexed by itself. Read-only after init.
var commonHeaderKeys = func() map[string]string {
	keys := make(map[string]string, len(commonHeaders))
	for _, name := range commonHeaders {
		key := string(appendHeaderKey(nil, name))
		keys[key] = key
	}
	return keys
}()

// serverVariables are the CGI variables BuildEnviron sets itself.
var serverVariables = []string{
	"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME",
	"SERVER_PORT", "SERVER_PROTOCOL", "REMOTE_ADDR", "REMOTE_PORT", "HTTPS",
	"CONTENT_LENGTH", "CONTENT_TYPE",
}

// EnvironNames lists the environ keys most requests carry: the server's
// variables and the keys of common headers. An engine may make its own
// objects for them once instead of for every request.
func EnvironNames() []string {
	return slices.AppendSeq(slices.Clone(serverVariables), maps.Values(commonHeaderKeys))
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
