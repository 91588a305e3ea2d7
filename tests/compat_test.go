package tests

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// These apps are written as tutorials write them, with nothing adapted to
// the default engine: they must run unmodified.

// TestJSONCRUDApp drives a posts-and-comments API with integer ids, JSON
// bodies, parse_qs filters, PUT and a DELETE that cascades to comments.
func TestJSONCRUDApp(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/api="+app("crud.py"))
	call := func(method, path, body string, wantStatus int) map[string]any {
		t.Helper()
		status, _, got := s.do(method, path, strings.NewReader(body), http.Header{"Content-Type": {"application/json"}})
		if status != wantStatus {
			t.Fatalf("%s %s: status %d %q, want %d", method, path, status, clip(got), wantStatus)
		}
		if len(got) == 0 {
			return nil
		}
		var v any
		if err := json.Unmarshal(got, &v); err != nil {
			t.Fatalf("%s %s: body %q is not JSON: %v", method, path, clip(got), err)
		}
		if m, ok := v.(map[string]any); ok {
			return m
		}
		return map[string]any{"list": v}
	}

	first := call("POST", "/api/posts", `{"title": "Hello", "author": "ann"}`, 201)
	call("POST", "/api/posts", `{"title": "Second", "author": "bob"}`, 201)
	if first["id"] != 1.0 || first["author"] != "ann" {
		t.Fatalf("created post = %v", first)
	}
	call("POST", "/api/posts/1/comments", `{"text": "first!"}`, 201)
	call("POST", "/api/posts/1/comments", `{"text": "again"}`, 201)
	call("POST", "/api/posts/2/comments", `{"text": "on bob's"}`, 201)

	one := call("GET", "/api/posts/1", "", 200)
	if cs, _ := one["comments"].([]any); len(cs) != 2 {
		t.Errorf("post 1 comments = %v, want 2", one["comments"])
	}
	filtered := call("GET", "/api/posts?author=bob", "", 200)["list"].([]any)
	if len(filtered) != 1 || filtered[0].(map[string]any)["title"] != "Second" {
		t.Errorf("?author=bob = %v", filtered)
	}
	updated := call("PUT", "/api/posts/1", `{"title": "Hello, world", "ignored": true}`, 200)
	if updated["title"] != "Hello, world" || updated["ignored"] != nil {
		t.Errorf("PUT result = %v", updated)
	}
	call("POST", "/api/posts", `not json`, 400)
	call("DELETE", "/api/posts/1", "", 204)
	call("GET", "/api/posts/1", "", 404)
	if rest := call("GET", "/api/posts", "", 200)["list"].([]any); len(rest) != 1 {
		t.Errorf("after DELETE, posts = %v", rest)
	}
	// The cascade: post 2 keeps only its own comment.
	if cs, _ := call("GET", "/api/posts/2", "", 200)["comments"].([]any); len(cs) != 1 {
		t.Errorf("post 2 comments after deleting post 1 = %v", cs)
	}
	missing := call("GET", "/api/nothing/here", "", 404)
	if missing["error"] != "nothing at /nothing/here" {
		t.Errorf("404 body = %v (f-string with a nested join)", missing)
	}
}

// TestClassEnvironDump: a class app whose instances iterate, with
// f-strings, format specs and sorted(environ.items()).
func TestClassEnvironDump(t *testing.T) {
	t.Parallel()
	s := startServer(t, "/env="+app("environ_class.py"))
	status, _, body := s.get("/env/a/b?x=1")
	if status != http.StatusOK {
		t.Fatalf("status %d %q", status, clip(body))
	}
	text := string(body)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^PATH_INFO {16}= '/a/b'$`),
		regexp.MustCompile(`(?m)^QUERY_STRING {13}= 'x=1'$`),
		regexp.MustCompile(`(?m)^SCRIPT_NAME {14}= '/env'$`),
		regexp.MustCompile(`(?m)^wsgi\.version {13}= 'tuple'$`),
	} {
		if !want.MatchString(text) {
			t.Errorf("dump lacks %s:\n%s", want, clip(body))
		}
	}
	var keys []string
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		keys = append(keys, strings.Fields(line)[0])
	}
	for i := 1; i < len(keys); i++ {
		if keys[i-1] > keys[i] {
			t.Fatalf("keys not sorted: %q before %q", keys[i-1], keys[i])
		}
	}
}
