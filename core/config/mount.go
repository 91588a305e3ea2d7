package config

import (
	"errors"
	"fmt"
	"strings"
)

// ScriptFor maps a request path to this mount. matched is the part of the
// path that becomes SCRIPT_NAME; the rest, path[len(matched):], is PATH_INFO.
//
// A prefix mount matches its URI and anything below it ("/app" matches
// "/app" and "/app/x", not "/apple"); the root mount matches everything with
// an empty SCRIPT_NAME, as PEP 3333 wants. A regex mount matches at the
// start of the path, like Apache's AliasMatch, and its groups are
// substituted into the script; a substitution that yields a ".." path
// element or a NUL byte never matches, so a request cannot reach files
// outside the intended tree.
func (m *Mount) ScriptFor(path string) (script, matched string, ok bool) {
	if m.Match == nil {
		return m.prefixScript(path)
	}
	// Leftmost-first matching finds a match at 0 whenever one exists, so
	// an unanchored search decides anchored matching too.
	loc := m.Match.FindStringSubmatchIndex(path)
	if loc == nil || loc[0] != 0 {
		return "", "", false
	}
	matched = path[:loc[1]]
	if highestRef(m.Script) < 0 {
		return m.Script, matched, true
	}
	script = expandScript(m.Script, path, loc)
	if strings.IndexByte(script, 0) >= 0 || hasDotDot(script) {
		return "", "", false
	}
	return script, matched, true
}

func (m *Mount) prefixScript(path string) (script, matched string, ok bool) {
	switch {
	case m.URI == "":
		return "", "", false
	case m.URI == "/":
		return m.Script, "", true
	case path == m.URI, strings.HasPrefix(path, m.URI) && path[len(m.URI)] == '/':
		return m.Script, m.URI, true
	}
	return "", "", false
}

func hasDotDot(p string) bool {
	for elem := range strings.SplitSeq(p, "/") {
		if elem == ".." {
			return true
		}
	}
	return false
}

// label names a mount in messages.
func (m *Mount) label() string {
	if m.Match != nil {
		return fmt.Sprintf("pattern %q", m.Match.String())
	}
	return fmt.Sprintf("URI %q", m.URI)
}

// key identifies what a mount routes, for duplicate checks; URIs are
// compared as cleanURI leaves them.
func (m *Mount) key() string {
	if m.Match != nil {
		return "match " + m.Match.String()
	}
	if uri, err := cleanURI(m.URI); err == nil {
		return "uri " + uri
	}
	return "uri " + m.URI
}

// normalize checks that a mount can route requests and cleans its URI.
func (m *Mount) normalize() error {
	var errs []error
	switch {
	case m.Match != nil && m.URI != "":
		errs = append(errs, fmt.Errorf("has both URI %q and pattern %q; expected one of them", m.URI, m.Match.String()))
	case m.Match != nil:
		errs = append(errs, checkRefs(m.Script, m.Match))
	default:
		uri, err := cleanURI(m.URI)
		errs = append(errs, err)
		if err == nil {
			m.URI = uri
		}
	}
	if m.Script == "" {
		errs = append(errs, errors.New("has no script; expected the path of a WSGI script"))
	}
	return errors.Join(errs...)
}
