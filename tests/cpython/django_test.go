//go:build cpython

package cpython

import (
	"path/filepath"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/cpythoncases"
)

func TestDjango(t *testing.T) {
	needPython(t, "django", "python3-django")
	db := filepath.Join(t.TempDir(), "notes.sqlite3")
	s := startServer(t, []string{"GOWSGI_TEST_DJANGO_DB=" + db}, "/django="+app("django/wsgi.py"))
	cpythoncases.Django(t, "http://"+s.addr, cpythoncases.DjangoOptions{})
}
