package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// URL splitting, joining and reassembly for urllib.parse, following
// CPython 3.11's rules (including its removal of tab and newline
// characters and leading C0 controls and spaces).

var (
	usesNetlocList = []string{"", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss"}
	usesNetloc     = wordSet(usesNetlocList...)
	usesRelative   = wordSet("", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss")
	usesParamsList = []string{"", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel"}
	usesParams     = wordSet(usesParamsList...)
)

const schemeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

type splitURL struct {
	scheme, netloc, path, query, fragment string
}

func isC0OrSpace(r rune) bool { return r <= ' ' }

func urlsplit(url, scheme string, allowFragments bool) (splitURL, error) {
	url = strings.TrimLeftFunc(url, isC0OrSpace)
	scheme = strings.TrimFunc(scheme, isC0OrSpace)
	unsafe := strings.NewReplacer("\t", "", "\r", "", "\n", "")
	url, scheme = unsafe.Replace(url), unsafe.Replace(scheme)
	var u splitURL
	if i := strings.IndexByte(url, ':'); i > 0 && isASCIILetter(url[0]) && strings.Trim(url[:i], schemeChars) == "" {
		scheme, url = strings.ToLower(url[:i]), url[i+1:]
	}
	u.scheme = scheme
	if strings.HasPrefix(url, "//") {
		end := len(url)
		if i := strings.IndexAny(url[2:], "/?#"); i >= 0 {
			end = i + 2
		}
		u.netloc, url = url[2:end], url[end:]
		open, closed := strings.Contains(u.netloc, "["), strings.Contains(u.netloc, "]")
		if open != closed {
			return u, py.ExceptionNewf(py.ValueError, "Invalid IPv6 URL")
		}
	}
	if allowFragments {
		url, u.fragment, _ = strings.Cut(url, "#")
	}
	url, u.query, _ = strings.Cut(url, "?")
	u.path = url
	return u, nil
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func urlunsplit(u splitURL) string {
	url := u.path
	if u.netloc != "" || (u.scheme != "" && usesNetloc[u.scheme] && !strings.HasPrefix(url, "//")) {
		if url != "" && !strings.HasPrefix(url, "/") {
			url = "/" + url
		}
		url = "//" + u.netloc + url
	}
	if u.scheme != "" {
		url = u.scheme + ":" + url
	}
	if u.query != "" {
		url += "?" + u.query
	}
	if u.fragment != "" {
		url += "#" + u.fragment
	}
	return url
}

// splitParams separates ;params from the last path segment.
func splitParams(path string) (string, string) {
	var i int
	if slash := strings.LastIndexByte(path, '/'); slash >= 0 {
		i = strings.IndexByte(path[slash:], ';')
		if i < 0 {
			return path, ""
		}
		i += slash
	} else {
		i = strings.IndexByte(path, ';')
	}
	return path[:i], path[i+1:]
}

type parsedURL struct {
	splitURL
	params string
}

func urlparse(url, scheme string, allowFragments bool) (parsedURL, error) {
	s, err := urlsplit(url, scheme, allowFragments)
	p := parsedURL{splitURL: s}
	if err == nil && usesParams[s.scheme] && strings.Contains(s.path, ";") {
		p.path, p.params = splitParams(s.path)
	}
	return p, err
}

func urlunparse(p parsedURL) string {
	if p.params != "" {
		p.path += ";" + p.params
	}
	return urlunsplit(p.splitURL)
}

// urljoin resolves url against base (RFC 3986, as CPython applies it).
func urljoin(base, url string, allowFragments bool) (string, error) {
	if base == "" {
		return url, nil
	}
	if url == "" {
		return base, nil
	}
	b, err := urlparse(base, "", allowFragments)
	if err != nil {
		return "", err
	}
	u, err := urlparse(url, b.scheme, allowFragments)
	if err != nil {
		return "", err
	}
	if u.scheme != b.scheme || !usesRelative[u.scheme] {
		return url, nil
	}
	if usesNetloc[u.scheme] {
		if u.netloc != "" {
			return urlunparse(u), nil
		}
		u.netloc = b.netloc
	}
	if u.path == "" && u.params == "" {
		u.path, u.params = b.path, b.params
		if u.query == "" {
			u.query = b.query
		}
		return urlunparse(u), nil
	}
	baseParts := strings.Split(b.path, "/")
	if baseParts[len(baseParts)-1] != "" {
		baseParts = baseParts[:len(baseParts)-1]
	}
	var segments []string
	if strings.HasPrefix(u.path, "/") {
		segments = strings.Split(u.path, "/")
	} else {
		all := append(baseParts, strings.Split(u.path, "/")...)
		// Drop empty inner segments, which would double slashes.
		segments = []string{all[0]}
		for _, s := range all[1 : len(all)-1] {
			if s != "" {
				segments = append(segments, s)
			}
		}
		if len(all) > 1 {
			segments = append(segments, all[len(all)-1])
		}
	}
	var resolved []string
	for _, seg := range segments {
		switch seg {
		case "..":
			if len(resolved) > 0 {
				resolved = resolved[:len(resolved)-1]
			}
		case ".":
		default:
			resolved = append(resolved, seg)
		}
	}
	if last := segments[len(segments)-1]; last == "." || last == ".." {
		resolved = append(resolved, "")
	}
	u.path = strings.Join(resolved, "/")
	if u.path == "" {
		u.path = "/"
	}
	return urlunparse(u), nil
}
