package gpython

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// The usual environ keys are Python strings made once; others are made as
// they come, with the same text.
func TestEnvironKey(t *testing.T) {
	names := append(wsgi.EnvironNames(), keyVersion, keyInput, keyFileWrapper)
	for _, name := range names {
		if got := environKey(name); got != py.String(name) {
			t.Errorf("environKey(%q) = %#v", name, got)
		}
		if n := testing.AllocsPerRun(10, func() { environKey(name) }); n != 0 {
			t.Errorf("environKey(%q) cost %v allocations, want 0", name, n)
		}
	}
	if got := environKey("HTTP_X_SOMETHING_ELSE"); got != py.String("HTTP_X_SOMETHING_ELSE") {
		t.Errorf("an unusual key came back as %#v", got)
	}
}
