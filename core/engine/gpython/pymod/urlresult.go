package pymod

import (
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// The namedtuples urllib.parse returns. SplitResult and ParseResult also
// answer username, password, hostname and port, and geturl().

var (
	splitResultType  = urlResultType("SplitResult", "scheme", "netloc", "path", "query", "fragment")
	parseResultType  = urlResultType("ParseResult", "scheme", "netloc", "path", "params", "query", "fragment")
	defragResultType = func() *py.Type {
		t := mustNamedtuple("DefragResult", "urllib.parse", "url", "fragment")
		t.Dict["geturl"] = goMethod0("geturl", func(r *ntuple) (py.Object, error) {
			url, _ := r.values[0].(py.String)
			frag, _ := r.values[1].(py.String)
			if frag == "" {
				return url, nil
			}
			return url + "#" + frag, nil
		}, "Return the URL with its fragment.")
		return t
	}()
)

func urlResultType(name string, fields ...string) *py.Type {
	t := mustNamedtuple(name, "urllib.parse", fields...)
	t.Dict["geturl"] = goMethod0("geturl", func(r *ntuple) (py.Object, error) {
		return py.String(resultURL(r)), nil
	}, "Return the URL these parts make.")
	addGetter(t, "username", func(self py.Object) (py.Object, error) {
		user, _, ok := userinfo(self)
		if !ok {
			return py.None, nil
		}
		return py.String(user), nil
	})
	addGetter(t, "password", func(self py.Object) (py.Object, error) {
		_, pw, ok := userinfo(self)
		if !ok || pw == nil {
			return py.None, nil
		}
		return py.String(*pw), nil
	})
	addGetter(t, "hostname", func(self py.Object) (py.Object, error) {
		host, _ := hostinfo(self)
		if host == "" {
			return py.None, nil
		}
		// A zone after % in a scoped IPv6 address keeps its case.
		h, zone, hasZone := strings.Cut(host, "%")
		h = strings.ToLower(h)
		if hasZone {
			h += "%" + zone
		}
		return py.String(h), nil
	})
	addGetter(t, "port", func(self py.Object) (py.Object, error) {
		_, port := hostinfo(self)
		if port == "" {
			return py.None, nil
		}
		n, err := strconv.Atoi(port)
		if err != nil || strings.TrimLeft(port, "0123456789") != "" {
			return nil, py.ExceptionNewf(py.ValueError, "Port could not be cast to integer value as %s", quoteRepr(port))
		}
		if n < 0 || n > 65535 {
			return nil, py.ExceptionNewf(py.ValueError, "Port out of range 0-65535")
		}
		return py.Int(n), nil
	})
	return t
}

func resultField(self py.Object, i int) string {
	r, ok := self.(*ntuple)
	if !ok || i >= len(r.values) {
		return ""
	}
	s, _ := r.values[i].(py.String)
	return string(s)
}

func resultURL(r *ntuple) string {
	if len(r.values) == 6 {
		return urlunparse(parsedURL{
			splitURL: splitURL{scheme: resultField(r, 0), netloc: resultField(r, 1), path: resultField(r, 2), query: resultField(r, 4), fragment: resultField(r, 5)},
			params:   resultField(r, 3),
		})
	}
	return urlunsplit(splitURL{scheme: resultField(r, 0), netloc: resultField(r, 1), path: resultField(r, 2), query: resultField(r, 3), fragment: resultField(r, 4)})
}

// userinfo splits the user:password@ part of the netloc; ok is false
// without one, and password is nil without a colon.
func userinfo(self py.Object) (user string, password *string, ok bool) {
	netloc := resultField(self, 1)
	i := strings.LastIndexByte(netloc, '@')
	if i < 0 {
		return "", nil, false
	}
	info := netloc[:i]
	if u, pw, hasPw := strings.Cut(info, ":"); hasPw {
		return u, &pw, true
	}
	return info, nil, true
}

// hostinfo is the host (without brackets) and port text of the netloc.
func hostinfo(self py.Object) (host, port string) {
	netloc := resultField(self, 1)
	if i := strings.LastIndexByte(netloc, '@'); i >= 0 {
		netloc = netloc[i+1:]
	}
	if _, bracketed, ok := strings.Cut(netloc, "["); ok {
		host, rest, _ := strings.Cut(bracketed, "]")
		_, port, _ = strings.Cut(rest, ":")
		return host, port
	}
	host, port, _ = strings.Cut(netloc, ":")
	return host, port
}
