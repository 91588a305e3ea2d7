package apache

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// examples/apache/gowsgi.conf (what `make run-apache` serves) works as
// shipped, included the way apache-module/run-conf.sh includes it, with a
// copy of examples/ the children can read.
func TestExamplesConfig(t *testing.T) {
	s := prepare(t, site{body: `
Define GOWSGI_EXAMPLES {{data}}/examples
Define GOWSGI_PORT {{port}}
Include {{data}}/examples/apache/gowsgi.conf
`}, "")
	if err := harness.CopyTree(filepath.Join(env.repo, "examples"), filepath.Join(s.data, "examples")); err != nil {
		t.Fatalf("copying examples/: %v", err)
	}
	startPrepared(t, s)
	for _, p := range harness.ExamplePages {
		r := send(t, p.Method, s.url(p.Path), strings.NewReader(p.Body), nil)
		if r.status != http.StatusOK || !strings.Contains(r.body, p.Want) {
			t.Errorf("%s %s = %d %q, want 200 with %q", p.Method, p.Path, r.status, short(r.body), p.Want)
		}
	}
}
