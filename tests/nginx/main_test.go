// Package nginx drives Debian's nginx with the gowsgi module end to end: it
// builds build/libgowsgi.so and build/ngx_http_wsgi_module.so (through
// nginx-module/Makefile.inc), starts nginx with a generated configuration
// on a free loopback port (a master and two workers) and talks HTTP to it.
//
// When GOWSGI_NGINX_BUILT names a build directory, its files are used as
// they are; `make test-nginx` builds them first and sets it.
package nginx

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// paths are what every test needs, found once by TestMain.
var paths struct {
	module string // ngx_http_wsgi_module.so
	core   string // libgowsgi.so
	nginx  string // the nginx binary
	apps   string // tests/nginx/apps
	repo   string
	isRoot bool
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "tests/nginx:", err)
		return 1
	}
	return m.Run()
}

func setup() error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("getwd: %w", err)
	}
	paths.apps = filepath.Join(wd, "apps")
	paths.repo = filepath.Clean(filepath.Join(wd, "..", ".."))
	paths.isRoot = os.Geteuid() == 0
	paths.nginx = os.Getenv("NGINX")
	if paths.nginx == "" {
		paths.nginx = "/usr/sbin/nginx"
	}
	build := os.Getenv("GOWSGI_NGINX_BUILT")
	if build == "" {
		build = filepath.Join(paths.repo, "build")
		if err := buildAll(build); err != nil {
			return err
		}
	}
	paths.module = filepath.Join(build, "ngx_http_wsgi_module.so")
	paths.core = filepath.Join(build, "libgowsgi.so")
	for _, f := range []string{paths.module, paths.core, paths.nginx} {
		if _, err := os.Stat(f); err != nil {
			return fmt.Errorf("%w (build with: make -f nginx-module/Makefile.inc libgowsgi nginx-module)", err)
		}
	}
	return nil
}

// buildAll runs the Makefile.inc rules, which install the Debian packages
// they need when run as root.
func buildAll(build string) error {
	return harness.Make(paths.repo, "nginx-module/Makefile.inc", build, "libgowsgi", "nginx-module")
}
