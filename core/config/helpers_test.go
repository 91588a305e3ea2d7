package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// newTree makes a directory holding what the test configs refer to and
// makes it the working directory, so "site.conf" lives in it.
func newTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"app.py", "blog.wsgi", "my app.py", "scripts/wiki.wsgi"} {
		path := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("def application(e, s): pass\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"static", "lib", "vendor"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A FIFO stands for every script that is not a regular file; opening it
	// would block, so the check must not.
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// mountView is a Mount with its pattern as text, for comparisons.
type mountView struct {
	URI, Match, Script string
	AppSettings
	Own  Field
	Line int
}

func viewMounts(ms []Mount) []mountView {
	var out []mountView
	for _, m := range ms {
		v := mountView{URI: m.URI, Script: m.Script, AppSettings: m.AppSettings, Own: m.Own, Line: m.Where.Line}
		if m.Match != nil {
			v.Match = m.Match.String()
		}
		out = append(out, v)
	}
	return out
}

// expand replaces $DIR with the test tree.
func expand(s, dir string) string { return strings.ReplaceAll(s, "$DIR", dir) }

// errorLines returns err's message split into lines, nil for no error.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
