package apache

import (
	"crypto/sha1"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
)

// writeHtpasswd writes an htpasswd file with {SHA} entries, which Apache's
// mod_authn_file reads like those of `htpasswd -s`.
func writeHtpasswd(t *testing.T, dir string, users map[string]string) string {
	t.Helper()
	var text string
	for user, password := range users {
		sum := sha1.Sum([]byte(password))
		text += user + ":{SHA}" + base64.StdEncoding.EncodeToString(sum[:]) + "\n"
	}
	path := filepath.Join(dir, "htpasswd")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Apache checks the credentials before the application runs; the
// application sees who was let in, and the credentials themselves only
// with WSGIPassAuthorization On.
func TestBasicAuth(t *testing.T) {
	data := newDir(t, 0o777)
	writeHtpasswd(t, data, map[string]string{"alice": "wonderland"})
	s := prepare(t, site{body: `
WSGIScriptAlias /private {{apps}}/environ.py
WSGIScriptAlias /passed {{apps}}/environ.py
<Location /private>
    AuthType Basic
    AuthName "gowsgi test"
    AuthBasicProvider file
    AuthUserFile {{data}}/htpasswd
    Require valid-user
</Location>
<Location /passed>
    AuthType Basic
    AuthName "gowsgi test"
    AuthUserFile {{data}}/htpasswd
    Require user alice
    WSGIPassAuthorization On
</Location>
`}, data)
	startPrepared(t, s)

	resp, body := get(t, s.url("/private"))
	if resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Fatalf("without credentials: %d %v, want Apache's 401 challenge", resp.StatusCode, resp.Header)
	}
	if environ(body)["SCRIPT_NAME"] != "" {
		t.Fatalf("the application ran without credentials: %q", body)
	}

	bad := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:wrong"))
	if resp, _ := get(t, s.url("/private"), "Authorization", bad); resp.StatusCode != 401 {
		t.Errorf("wrong password: %d, want 401", resp.StatusCode)
	}

	good := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:wonderland"))
	resp, body = get(t, s.url("/private/x"), "Authorization", good)
	e := environ(body)
	if resp.StatusCode != 200 || e["REMOTE_USER"] != "alice" || e["AUTH_TYPE"] != "Basic" {
		t.Errorf("with credentials: %d REMOTE_USER=%q AUTH_TYPE=%q, want 200 alice Basic",
			resp.StatusCode, e["REMOTE_USER"], e["AUTH_TYPE"])
	}
	if v, ok := e["HTTP_AUTHORIZATION"]; ok {
		t.Errorf("HTTP_AUTHORIZATION=%q reached the app with WSGIPassAuthorization Off", v)
	}

	_, body = get(t, s.url("/passed"), "Authorization", good)
	e = environ(body)
	if e["HTTP_AUTHORIZATION"] != good || e["REMOTE_USER"] != "alice" {
		t.Errorf("WSGIPassAuthorization On: HTTP_AUTHORIZATION=%q REMOTE_USER=%q", e["HTTP_AUTHORIZATION"], e["REMOTE_USER"])
	}
}
