//go:build cpython

package cpython

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestFlask(t *testing.T) {
	needPython(t, "flask", "python3-flask")
	s := startServer(t, nil, "/flask="+app("flask_app.py"))

	t.Run("url_for under the mount", func(t *testing.T) {
		var got map[string]string
		r := s.getJSON(t, "/flask/", &got)
		want := map[string]string{
			"item":        "/flask/items/7",
			"echo":        "/flask/echo",
			"external":    "http://" + s.addr + "/flask/items/7",
			"script_root": "/flask",
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q (status %d)", k, got[k], v, r.status)
			}
		}
	})

	t.Run("routing and query strings", func(t *testing.T) {
		var got struct {
			ID       int               `json:"id"`
			Path     string            `json:"path"`
			FullPath string            `json:"full_path"`
			Args     map[string]string `json:"args"`
		}
		s.getJSON(t, "/flask/items/42?q=caf%C3%A9&n=1", &got)
		if got.ID != 42 || got.Path != "/items/42" || got.Args["q"] != "café" || got.Args["n"] != "1" {
			t.Errorf("item = %+v", got)
		}
	})

	t.Run("JSON request and response bodies", func(t *testing.T) {
		body := `{"numbers": [1, 2, 3], "name": "Zoë ☃"}`
		r := s.do(http.MethodPost, "/flask/echo", strings.NewReader(body), map[string]string{"Content-Type": "application/json"})
		if r.status != http.StatusCreated || r.header.Get("Content-Type") != "application/json" {
			t.Fatalf("POST /flask/echo = %d %s %q", r.status, r.header.Get("Content-Type"), r.body)
		}
		var got struct {
			Received map[string]any `json:"received"`
			Doubled  []int          `json:"doubled"`
			Length   int            `json:"length"`
		}
		if err := json.Unmarshal([]byte(r.body), &got); err != nil {
			t.Fatalf("response %q: %v", r.body, err)
		}
		if got.Received["name"] != "Zoë ☃" || len(got.Doubled) != 3 || got.Doubled[2] != 6 || got.Length != len(body) {
			t.Errorf("echo = %+v", got)
		}
	})

	t.Run("app's own 404 inside the mount", func(t *testing.T) {
		var got map[string]string
		if r := s.getJSON(t, "/flask/nowhere", &got); r.status != http.StatusNotFound || got["path"] != "/nowhere" {
			t.Errorf("GET /flask/nowhere = %d %v", r.status, got)
		}
	})
}

// getJSON GETs path and decodes its JSON body into v.
func (s *server) getJSON(t *testing.T, path string, v any) response {
	t.Helper()
	r := s.get(path)
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		t.Fatalf("GET %s = %d %q: %v", path, r.status, r.body, err)
	}
	return r
}
