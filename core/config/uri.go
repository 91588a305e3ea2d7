package config

import (
	"fmt"
	"path"
	"strings"
)

// cleanURI checks a mount or alias URI and drops one trailing slash, so
// "/app/" and "/app" name the same mount. A URI that a cleaned request path
// could never equal ("/a//b", "/a/../b") is an error, not a dead mount.
func cleanURI(uri string) (string, error) {
	if !strings.HasPrefix(uri, "/") {
		return "", fmt.Errorf("URI %q does not start with \"/\"; expected a URI path such as /app", uri)
	}
	if strings.ContainsAny(uri, "?#") {
		return "", fmt.Errorf("URI %q has a query or fragment; expected a plain URI path such as /app", uri)
	}
	if uri == "/" {
		return uri, nil
	}
	trimmed := strings.TrimSuffix(uri, "/")
	// A slash left after trimming one means the URI ended in "//".
	if clean := path.Clean(uri); clean != trimmed || strings.HasSuffix(trimmed, "/") {
		return "", fmt.Errorf("URI %q is not a clean path; expected %q", uri, clean)
	}
	return trimmed, nil
}
