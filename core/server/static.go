package server

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"

	"github.com/gowsgi/gowsgi/core/config"
)

// staticMount serves the files of one `Alias URI DIR`.
type staticMount struct {
	// prefix is the URI without its trailing slash; "" for "/".
	prefix string
	dir    string
}

// newStaticMounts orders aliases longest prefix first, so /static/img wins
// over /static whatever order the config gave.
func newStaticMounts(aliases []config.Alias) []staticMount {
	mounts := make([]staticMount, 0, len(aliases))
	for _, a := range aliases {
		mounts = append(mounts, staticMount{prefix: strings.TrimRight(a.URI, "/"), dir: a.Dir})
	}
	sort.SliceStable(mounts, func(i, j int) bool { return len(mounts[i].prefix) > len(mounts[j].prefix) })
	return mounts
}

// findStatic returns the mount serving the decoded path and the part of the
// path below it.
func findStatic(mounts []staticMount, urlPath string) (staticMount, string, bool) {
	for _, m := range mounts {
		if rest, ok := m.match(urlPath); ok {
			return m, rest, true
		}
	}
	return staticMount{}, "", false
}

// match compares whole path segments: /static serves /static and
// /static/x, never /staticx.
func (m staticMount) match(urlPath string) (rest string, ok bool) {
	if !strings.HasPrefix(urlPath, m.prefix) {
		return "", false
	}
	rest = urlPath[len(m.prefix):]
	if rest != "" && rest[0] != '/' {
		return "", false
	}
	return rest, true
}

// serve answers like http.FileServer (ranges, conditional requests, index.html)
// but never lists a directory.
func (m staticMount) serve(w http.ResponseWriter, r *http.Request, rest string) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return nil
	}
	if rest == "" {
		// Relative links in an index page need the trailing slash.
		target := m.prefix + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil
	}
	// os.Root keeps symlinks from leading out of the directory.
	root, err := os.OpenRoot(m.dir)
	if err != nil {
		http.NotFound(w, r)
		return fmt.Errorf("alias %s: %w", m.prefix+"/", err)
	}
	defer root.Close()
	below := r.Clone(r.Context())
	below.URL.Path = rest
	below.URL.RawPath = ""
	http.FileServerFS(noListingFS{root.FS()}).ServeHTTP(w, below)
	return nil
}

// noListingFS hides directories that have no index.html, so the file
// server answers 404 where it would list them.
type noListingFS struct{ fs.FS }

func (f noListingFS) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, asNotFound(err)
	}
	info, err := file.Stat()
	if err != nil {
		return nil, errors.Join(err, file.Close())
	}
	if !info.IsDir() {
		return file, nil
	}
	index, err := fs.Stat(f.FS, path.Join(name, "index.html"))
	if err != nil || index.IsDir() {
		return nil, errors.Join(fs.ErrNotExist, file.Close())
	}
	return file, nil
}

// asNotFound turns os.Root's refusal to leave the directory (a symlink
// pointing outside, an error without an errno) into a 404 rather than a
// 500. System errors keep their meaning.
func asNotFound(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return fmt.Errorf("%w: %w", fs.ErrNotExist, err)
}
