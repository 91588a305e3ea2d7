package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// urllib is a package with one submodule, parse. gpython looks dotted
// names up whole ("urllib.parse") and binds `import urllib.parse` to the
// submodule itself, so the submodule also answers to .parse; both
// modules bind parse through __import__ with a fromlist, which names the
// submodule under gpython's rules and CPython's alike.

const bindParse = "parse = __import__('urllib.parse', globals(), locals(), ('quote',), 0)\n"

func urllibModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "urllib", Doc: "URL handling modules (only urllib.parse is available)."},
		CodeSrc: bindParse,
	}
}

func urllibParseModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "urllib.parse", Doc: "Parse (absolute and relative) URLs."},
		Methods: []*py.Method{
			method("quote", urlQuote, "quote(string, safe='/', encoding=None, errors=None) -> percent-encoded str"),
			method("quote_plus", urlQuotePlus, "Like quote(), but also replace ' ' with '+', as HTML forms need."),
			method("quote_from_bytes", urlQuoteFromBytes, "Like quote(), but accepts a bytes object rather than a str."),
			method("unquote", urlUnquote, "Replace %xx escapes by their single-character equivalent."),
			method("unquote_plus", urlUnquotePlus, "Like unquote(), but also replace plus signs by spaces."),
			method("unquote_to_bytes", urlUnquoteToBytes, "unquote_to_bytes('abc%20def') -> b'abc def'."),
			method("parse_qs", urlParseQS, "Parse a query given as a string argument into a dict of lists."),
			method("parse_qsl", urlParseQSL, "Parse a query given as a string argument into a list of (name, value) pairs."),
			method("urlencode", urlEncode, "Encode a dict or sequence of two-element tuples into a URL query string."),
			method("urlsplit", urlSplitFunc, "Parse a URL into 5 components: <scheme>://<netloc>/<path>?<query>#<fragment>"),
			method("urlparse", urlParseFunc, "Parse a URL into 6 components: <scheme>://<netloc>/<path>;<params>?<query>#<fragment>"),
			method("urlunsplit", urlUnsplitFunc, "Combine the elements of a tuple as returned by urlsplit() into a complete URL."),
			method("urlunparse", urlUnparseFunc, "Put a parsed URL back together again."),
			method("urljoin", urlJoinFunc, "Join a base URL and a possibly relative URL to form an absolute interpretation of the latter."),
			method("urldefrag", urlDefragFunc, "Removes any existing fragment from URL; returns (url, fragment)."),
		},
		Globals: py.StringDict{
			"SplitResult":  splitResultType,
			"ParseResult":  parseResultType,
			"DefragResult": defragResultType,
			"uses_netloc":  wordTuple(usesNetlocList),
			"uses_params":  wordTuple(usesParamsList),
		},
		CodeSrc: bindParse,
	}
}

func wordTuple(words []string) py.Tuple {
	t := make(py.Tuple, len(words))
	for i, w := range words {
		t[i] = py.String(w)
	}
	return t
}

func urlArgs(fname string, args py.Tuple, kwargs py.StringDict) (string, string, bool, error) {
	var url py.Object
	var scheme py.Object = py.String("")
	var allow py.Object = py.True
	if err := parseArgs(fname, args, kwargs, []string{"url", "scheme", "allow_fragments"}, 1, &url, &scheme, &allow); err != nil {
		return "", "", false, err
	}
	u, err := strArg(url, "url")
	if err != nil {
		return "", "", false, err
	}
	s, err := strArg(scheme, "scheme")
	if err != nil {
		return "", "", false, err
	}
	a, err := truth(allow)
	return u, s, a, err
}

func urlSplitFunc(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	url, scheme, allow, err := urlArgs("urlsplit", args, kwargs)
	if err != nil {
		return nil, err
	}
	u, err := urlsplit(url, scheme, allow)
	if err != nil {
		return nil, err
	}
	return newTuple(splitResultType, py.String(u.scheme), py.String(u.netloc), py.String(u.path), py.String(u.query), py.String(u.fragment)), nil
}

func urlParseFunc(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	url, scheme, allow, err := urlArgs("urlparse", args, kwargs)
	if err != nil {
		return nil, err
	}
	p, err := urlparse(url, scheme, allow)
	if err != nil {
		return nil, err
	}
	return newTuple(parseResultType, py.String(p.scheme), py.String(p.netloc), py.String(p.path), py.String(p.params), py.String(p.query), py.String(p.fragment)), nil
}

// urlParts reads the n str components of a tuple (or named tuple).
func urlParts(o py.Object, n int, fname string) ([]string, error) {
	elems, err := items(o)
	if err != nil {
		return nil, err
	}
	if len(elems) != n {
		return nil, py.ExceptionNewf(py.ValueError, "not enough values to unpack (expected %d, got %d)", n, len(elems))
	}
	parts := make([]string, n)
	for i, e := range elems {
		if e == py.None {
			continue
		}
		if parts[i], err = strArg(e, fname+" component"); err != nil {
			return nil, err
		}
	}
	return parts, nil
}

func urlUnsplitFunc(self py.Object, components py.Object) (py.Object, error) {
	p, err := urlParts(components, 5, "urlunsplit")
	if err != nil {
		return nil, err
	}
	return py.String(urlunsplit(splitURL{scheme: p[0], netloc: p[1], path: p[2], query: p[3], fragment: p[4]})), nil
}

func urlUnparseFunc(self py.Object, components py.Object) (py.Object, error) {
	p, err := urlParts(components, 6, "urlunparse")
	if err != nil {
		return nil, err
	}
	return py.String(urlunparse(parsedURL{splitURL: splitURL{scheme: p[0], netloc: p[1], path: p[2], query: p[4], fragment: p[5]}, params: p[3]})), nil
}

func urlJoinFunc(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var base, url py.Object
	var allow py.Object = py.True
	if err := parseArgs("urljoin", args, kwargs, []string{"base", "url", "allow_fragments"}, 2, &base, &url, &allow); err != nil {
		return nil, err
	}
	b, err := strArg(base, "base")
	if err != nil {
		return nil, err
	}
	u, err := strArg(url, "url")
	if err != nil {
		return nil, err
	}
	a, err := truth(allow)
	if err != nil {
		return nil, err
	}
	joined, err := urljoin(b, u, a)
	if err != nil {
		return nil, err
	}
	return py.String(joined), nil
}

func urlDefragFunc(self py.Object, url py.Object) (py.Object, error) {
	u, err := strArg(url, "url")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(u, "#") {
		return newTuple(defragResultType, py.String(u), py.String("")), nil
	}
	p, err := urlparse(u, "", true)
	if err != nil {
		return nil, err
	}
	frag := p.fragment
	p.fragment = ""
	return newTuple(defragResultType, py.String(urlunparse(p)), py.String(frag)), nil
}
