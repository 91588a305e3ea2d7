package tests

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// The configuration `make run` serves works as shipped: every example
// page answers, on the port the test gives instead of the file's Listen.
func TestExamplesConfig(t *testing.T) {
	conf := filepath.Join(filepath.Dir(appsDir), "..", "examples", "gowsgi.conf")
	s := startServer(t, "--config", conf)
	for _, p := range harness.ExamplePages {
		status, _, body := s.do(p.Method, p.Path, strings.NewReader(p.Body), nil)
		if status != http.StatusOK || !strings.Contains(string(body), p.Want) {
			t.Errorf("%s %s = %d %q, want 200 with %q", p.Method, p.Path, status, clip(body), p.Want)
		}
	}
}
