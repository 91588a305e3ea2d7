package dispatch

import (
	"sort"
	"strings"

	"github.com/gowsgi/gowsgi/core/config"
)

// routes matches decoded request paths to mounts: regex mounts first, in the
// order written (they are the specific ones), then prefix mounts by longest
// prefix on a path-segment boundary.
type routes struct {
	regex  []*route
	prefix []*route // longest URI first
}

type route struct {
	mount config.Mount
	// apps holds the app of a prefix mount (one script) or the apps a
	// regex mount's substitutions have named so far.
	apps *appSet
}

func newRoutes(mounts []config.Mount, newSet func(config.Mount) *appSet) *routes {
	rt := &routes{}
	for _, m := range mounts {
		r := &route{mount: m, apps: newSet(m)}
		if m.Match != nil {
			rt.regex = append(rt.regex, r)
		} else {
			rt.prefix = append(rt.prefix, r)
		}
	}
	sort.SliceStable(rt.prefix, func(i, j int) bool {
		return len(rt.prefix[i].mount.URI) > len(rt.prefix[j].mount.URI)
	})
	return rt
}

// match returns the route for path, the script it names, and the path split
// into SCRIPT_NAME and PATH_INFO.
func (rt *routes) match(path string) (r *route, script, scriptName, pathInfo string, ok bool) {
	for _, r := range rt.regex {
		if script, matched, ok := r.mount.ScriptFor(path); ok {
			return r, script, matched, path[len(matched):], true
		}
	}
	for _, r := range rt.prefix {
		if sn, pi, ok := splitPrefix(r.mount.URI, path); ok {
			return r, r.mount.Script, sn, pi, true
		}
	}
	return nil, "", "", "", false
}

// splitPrefix matches a mount URI against path on a segment boundary: "/app"
// serves "/app" and "/app/x", never "/application". The root mount "/" has
// an empty SCRIPT_NAME, as in mod_wsgi.
func splitPrefix(uri, path string) (scriptName, pathInfo string, ok bool) {
	if uri == "/" {
		return "", path, true
	}
	if !strings.HasPrefix(path, uri) {
		return "", "", false
	}
	rest := path[len(uri):]
	if rest != "" && rest[0] != '/' {
		return "", "", false
	}
	return uri, rest, true
}
