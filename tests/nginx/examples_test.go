package nginx

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/tests/internal/harness"
)

// The http{} block of examples/nginx/nginx.conf (what `make run-nginx`
// serves) works as shipped. Its paths are relative to the repository and to
// the file's folder, and its port and runtime files are the developer's,
// so the test points those at its own; everything else is used as is.
func TestExamplesConfig(t *testing.T) {
	examples := filepath.Join(paths.repo, "examples")
	text, err := os.ReadFile(filepath.Join(examples, "nginx", "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(text)
	start := strings.Index(conf, "\nhttp {")
	end := strings.LastIndex(conf, "}")
	if start < 0 || end < start {
		t.Fatalf("examples/nginx/nginx.conf has no http {} block")
	}
	var block []string
	for _, line := range strings.Split(conf[start+len("\nhttp {"):end], "\n") {
		if strings.Contains(line, "build/nginx-run") {
			continue // logs and temporary files: the test's own
		}
		block = append(block, line)
	}
	httpBlock := strings.NewReplacer(
		"listen 127.0.0.1:8080", "listen 127.0.0.1:{{port}}",
		" ../", " "+examples+"/",
		"alias examples/", "alias "+examples+"/",
	).Replace(strings.Join(block, "\n"))
	if !strings.Contains(httpBlock, "{{port}}") {
		t.Fatalf("examples/nginx/nginx.conf no longer listens on 127.0.0.1:8080; update this test")
	}
	s := startNginx(t, httpBlock)
	for _, p := range harness.ExamplePages {
		r := send(t, p.Method, s.url(p.Path), strings.NewReader(p.Body), nil)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), p.Want) {
			t.Errorf("%s %s = %d %q, want 200 with %q", p.Method, p.Path, r.status, r.body, p.Want)
		}
	}
}
