// Package testbin provides the end-to-end test suites under tests/ with the
// gowsgi binary they drive: GOWSGI_BIN when set, else ./cmd/gowsgi built
// once per test binary into a temporary directory.
package testbin

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Main is the body of a suite's TestMain: it sets *apps to the package's
// apps directory and *bin to the binary under test, runs the tests and
// returns the exit code for os.Exit. The binary is GOWSGI_BIN (made
// absolute) when set, else built by Build with tags into a temporary
// directory named after pattern (as os.MkdirTemp takes it), removed after
// the run.
func Main(m *testing.M, bin, apps *string, pattern string, tags ...string) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "getwd:", err)
		return 1
	}
	*apps = filepath.Join(wd, "apps")
	if env := os.Getenv("GOWSGI_BIN"); env != "" {
		if *bin, err = filepath.Abs(env); err != nil {
			fmt.Fprintln(os.Stderr, "GOWSGI_BIN:", err)
			return 1
		}
		return m.Run()
	}
	repo, err := Repo(wd)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		fmt.Fprintln(os.Stderr, "temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	if *bin, err = Build(repo, dir, tags...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// Repo returns the repository root: the nearest directory at or above dir
// that holds go.mod.
func Repo(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod at or above %s", dir)
		}
	}
}

// Build builds repo's ./cmd/gowsgi with the build tags into dir/gowsgi and
// returns that path. The cpython tag needs cgo, so it also sets
// CGO_ENABLED=1.
func Build(repo, dir string, tags ...string) (string, error) {
	bin := filepath.Join(dir, "gowsgi")
	args := []string{"build"}
	what := "./cmd/gowsgi"
	if len(tags) > 0 {
		list := strings.Join(tags, ",")
		args = append(args, "-tags", list)
		what += " with -tags " + list
	}
	build := exec.Command("go", append(args, "-o", bin, "./cmd/gowsgi")...)
	build.Dir = repo
	if slices.Contains(tags, "cpython") {
		build.Env = append(os.Environ(), "CGO_ENABLED=1")
	}
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building %s failed: %v\n%s", what, err, out)
	}
	return bin, nil
}

// BuildCore builds repo's ./cshim as dir/libgowsgi.so with only the engines
// that need no build tag (gpython), for tests that need a core lacking one.
func BuildCore(repo, dir string) (string, error) {
	lib := filepath.Join(dir, "libgowsgi.so")
	build := exec.Command("go", "build", "-buildmode=c-shared", "-o", lib, "./cshim")
	build.Dir = repo
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the core without build tags failed: %v\n%s", err, out)
	}
	return lib, nil
}
