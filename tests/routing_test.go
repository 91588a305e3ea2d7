package tests

import (
	"bytes"
	"crypto/rand"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

func TestMountBoundaries(t *testing.T) {
	t.Parallel()
	cfg := writeConfig(t,
		"WSGIScriptAlias /app "+app("hello.py")+" callable-object=app_a",
		"WSGIScriptAliasMatch ^/re/([a-z]+) "+filepath.Join(appsDir, "match", "$1.py"),
		"WSGIScriptAlias / "+app("hello.py"),
	)
	s := startServer(t, "--config", cfg)
	cases := []struct {
		path string
		want string
	}{
		{"/app", "name=a;script_name=/app;path_info="},
		{"/app/", "name=a;script_name=/app;path_info=/"},
		{"/app/x", "name=a;script_name=/app;path_info=/x"},
		{"/app/x/y", "name=a;script_name=/app;path_info=/x/y"},
		{"/application", "name=root;script_name=;path_info=/application"},
		{"/apple/app", "name=root;script_name=;path_info=/apple/app"},
		{"/", "name=root;script_name=;path_info=/"},
		{"/re/alpha", "match=alpha"},
		{"/re/beta/more", "match=beta"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			s.expectOK(tc.path, tc.want)
		})
	}
}

// TestCommandLineMounts: MOUNT=SCRIPT:CALLABLE arguments route the same way.
func TestCommandLineMounts(t *testing.T) {
	t.Parallel()
	s := startServer(t,
		"/a="+app("hello.py")+":app_a",
		"/b="+app("hello.py")+":app_b",
		"/="+app("hello.py"),
	)
	s.expectOK("/a/x", "name=a;script_name=/a;path_info=/x")
	s.expectOK("/b", "name=b;script_name=/b;path_info=")
	s.expectOK("/ab", "name=root;script_name=;path_info=/ab")
}

func TestAliasStaticFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "hello.txt", "static hello\n")
	// Served only if /staticx/hello.txt were wrongly mapped to DIR + "x/hello.txt".
	writeFile(t, dir, "x/hello.txt", "WRONG: prefix matched inside a path segment\n")
	data := make([]byte, 200<<10)
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "sub/data.bin", string(data))

	cfg := writeConfig(t,
		"Alias /static "+dir,
		"WSGIScriptAlias / "+app("hello.py"),
	)
	s := startServer(t, "--config", cfg)

	s.expectOK("/static/hello.txt", "static hello\n")

	status, _, body := s.get("/static/sub/data.bin")
	if status != http.StatusOK || !bytes.Equal(body, data) {
		t.Errorf("binary file: status %d, %d bytes, equal %v; want 200 and the file's %d bytes", status, len(body), bytes.Equal(body, data), len(data))
	}

	s.expectOK("/staticx/hello.txt", "name=root;script_name=;path_info=/staticx/hello.txt")

	if status, _, body := s.get("/static/missing.txt"); status != http.StatusNotFound {
		t.Errorf("missing static file: %d %q, want 404", status, clip(body))
	}

	// A request line the client did not clean up must not escape the directory.
	head, raw := s.rawExchange(rawGet(s, "/static/../../../../etc/passwd", "Connection: close"))
	if strings.Contains(string(raw), "root:") {
		t.Errorf("path traversal served /etc/passwd:\n%s%s", head, clip(raw))
	}
}
