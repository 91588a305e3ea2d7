// Package apache drives Debian's Apache httpd with mod_gowsgi end to end:
// it builds build/libgowsgi.so and build/mod_gowsgi.so (through
// apache-module/Makefile.inc), starts /usr/sbin/apache2 in the foreground
// with a generated httpd.conf on a free loopback port, and talks HTTP to it.
//
// Apache refuses to serve as root, so as root its children run as
// www-data: the module, the core and the test applications are copied into
// a directory www-data can read before any server starts.
//
// When GOWSGI_APACHE_BUILT names a build directory, its files are used as
// they are; `make test-apache` builds them first and sets it. With
// GOWSGI_APACHE_SHOWLOG set, each server's error log is printed when it
// stops.
package apache

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// env is what every test needs, found once by TestMain.
var env struct {
	httpd   string // the apache2 binary
	modules string // Debian's module directory
	shared  string // readable by the server's user: the .so files, apps/
	module  string // mod_gowsgi.so in shared
	apps    string // the test applications in shared
	repo    string
	user    string // the user children run as ("" when not root)
	group   string
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "tests/apache:", err)
		return 1
	}
	defer os.RemoveAll(env.shared)
	return m.Run()
}

func setup() error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("getwd: %w", err)
	}
	env.repo = filepath.Clean(filepath.Join(wd, "..", ".."))
	env.httpd = os.Getenv("APACHE_HTTPD")
	if env.httpd == "" {
		env.httpd = "/usr/sbin/apache2"
	}
	env.modules = "/usr/lib/apache2/modules"
	if _, err := os.Stat(env.httpd); err != nil {
		return fmt.Errorf("%w (install Debian's apache2: scripts/deps.sh apache)", err)
	}
	build := os.Getenv("GOWSGI_APACHE_BUILT")
	if build == "" {
		build = filepath.Join(env.repo, "build")
		if err := buildAll(build); err != nil {
			return err
		}
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("www-data")
		if err != nil {
			return fmt.Errorf("as root the children run as www-data: %w", err)
		}
		g, err := user.LookupGroupId(u.Gid)
		if err != nil {
			return fmt.Errorf("www-data's group: %w", err)
		}
		env.user, env.group = u.Username, g.Name
	}
	return share(build)
}

// buildAll runs the Makefile.inc rules, which install the Debian packages
// they need when run as root.
func buildAll(build string) error {
	return harness.Make(env.repo, "apache-module/Makefile.inc", build, "libgowsgi", "apache-module")
}

// share copies what the server's children read into a directory they can
// reach whatever the checkout's permissions: libgowsgi.so is loaded by the
// children, after they have become www-data.
func share(build string) error {
	dir, err := os.MkdirTemp("", "gowsgi-apache-")
	if err != nil {
		return err
	}
	env.shared = dir
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	for _, name := range []string{"mod_gowsgi.so", "libgowsgi.so"} {
		src := filepath.Join(build, name)
		if err := harness.CopyFile(src, filepath.Join(dir, name), 0o755); err != nil {
			return fmt.Errorf("%w (build with: make -f apache-module/Makefile.inc libgowsgi apache-module)", err)
		}
	}
	env.module = filepath.Join(dir, "mod_gowsgi.so")
	env.apps = filepath.Join(dir, "apps")
	src := filepath.Join(env.repo, "tests", "apache", "apps")
	return harness.CopyTree(src, env.apps)
}
