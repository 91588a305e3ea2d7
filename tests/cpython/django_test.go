//go:build cpython

package cpython

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestDjango(t *testing.T) {
	needPython(t, "django", "python3-django")
	db := filepath.Join(t.TempDir(), "notes.sqlite3")
	s := startServer(t, []string{"GOWSGI_TEST_DJANGO_DB=" + db}, "/django="+app("django/wsgi.py"))

	t.Run("reverse under the mount", func(t *testing.T) {
		var got map[string]any
		s.getJSON(t, "/django/", &got)
		for k, want := range map[string]string{"add": "/django/notes/", "first": "/django/notes/1", "script_name": "/django"} {
			if got[k] != want {
				t.Errorf("%s = %v, want %q", k, got[k], want)
			}
		}
	})

	t.Run("POST a form, follow the redirect", func(t *testing.T) {
		for i, text := range []string{"première note", "second & last"} {
			form := url.Values{"text": {text}}.Encode()
			r := s.do(http.MethodPost, "/django/notes/", strings.NewReader(form),
				map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			location := fmt.Sprintf("/django/notes/%d", i+1)
			if r.status != http.StatusFound || r.header.Get("Location") != location {
				t.Fatalf("POST = %d Location %q, want 302 %s; body %q", r.status, r.header.Get("Location"), location, r.body)
			}
			var got map[string]any
			s.getJSON(t, location, &got)
			if got["text"] != text || got["url"] != "http://"+s.addr+location {
				t.Errorf("GET %s = %v", location, got)
			}
		}
		var index struct {
			Notes []string `json:"notes"`
		}
		s.getJSON(t, "/django/", &index)
		if strings.Join(index.Notes, "|") != "première note|second & last" {
			t.Errorf("notes = %q", index.Notes)
		}
	})

	t.Run("raw body", func(t *testing.T) {
		body := strings.Repeat("0123456789abcdef", 64<<10) // 1 MiB
		sum := sha256.Sum256([]byte(body))
		r := s.do(http.MethodPost, "/django/upload", strings.NewReader(body), map[string]string{"Content-Type": "application/octet-stream"})
		want := fmt.Sprintf(`{"length": %d, "sha256": "%s"}`, len(body), hex.EncodeToString(sum[:]))
		if r.status != http.StatusOK || r.body != want {
			t.Errorf("upload = %d %q, want %q", r.status, r.body, want)
		}
	})

	t.Run("unknown note is Django's 404", func(t *testing.T) {
		if r := s.get("/django/notes/99"); r.status != http.StatusNotFound {
			t.Errorf("GET /django/notes/99 = %d", r.status)
		}
	})
}
