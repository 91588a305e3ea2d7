// Package pyvenv makes the virtualenvs the end-to-end suites point
// WSGIPythonHome at.
package pyvenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Make creates a venv at dir with python3 -m venv --system-site-packages
// (so Debian's Flask and Django stay importable) and writes each of
// modules, file name to source, into its own site-packages: what only the
// venv has.
func Make(t testing.TB, dir string, modules map[string]string) {
	t.Helper()
	out, err := exec.Command("/usr/bin/python3", "-m", "venv", "--without-pip", "--system-site-packages", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("making a venv: %v\n%s", err, out)
	}
	site, err := filepath.Glob(filepath.Join(dir, "lib", "python3.*", "site-packages"))
	if err != nil || len(site) != 1 {
		t.Fatalf("venv site-packages: %v %v", site, err)
	}
	for name, src := range modules {
		if err := os.WriteFile(filepath.Join(site[0], name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
