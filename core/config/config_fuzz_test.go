package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// FuzzParse checks Parse's contract on any input: no panic; either a config
// that validates again, or an error every line of which is "FILE:N: …".
func FuzzParse(f *testing.F) {
	dir := f.TempDir()
	for _, name := range []string{"app.py", "scripts/wiki.wsgi"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("application = None\n"), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "static"), 0o755); err != nil {
		f.Fatal(err)
	}
	file := filepath.Join(dir, "fuzz.conf")
	seeds := []string{
		"WSGIScriptAlias / app.py\n",
		"WSGIScriptAlias /app/ app.py callable-object=app pass-authorization=On\nWSGIThreads 4\n",
		"WSGIScriptAliasMatch ^/wiki/(\\w+) scripts/$1.wsgi\nWSGIScriptAliasMatch \"^/x\" app.py\n",
		"Listen 8080\nListen [::1]:80\nAlias /static static\nWSGIRequestTimeout 2.5\nWSGIScriptAlias / app.py\n",
		"# comment\nWSGIPythonPath lib:vendor\nWSGIEngine cpython\nWSGIScriptReloading off\nWSGIPassAuthorization on\nWSGICallableObject main\nWSGIScriptAlias / \\\n app.py\n",
		"WSGIScriptAlias \"/my app\" 'app.py'\n",
		"WSGIScriptAlias / app.py\nWSGIScriptAlias / app.py\nAlias / static\n",
		"Alias \"/x\nWSGIFoo\nWSGIThreads 0 # x\n",
		"WSGIScriptAliasMatch (( $9\n",
		"\uFEFFwsgiscriptalias / app.py\r\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	linePrefix := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `:[1-9][0-9]*: `)
	f.Fuzz(func(t *testing.T, text string) {
		c, err := Parse(strings.NewReader(text), file)
		if err != nil {
			if c != nil {
				t.Fatalf("config returned along with error %v", err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !linePrefix.MatchString(line) {
					t.Fatalf("error line without FILE:N: prefix: %q", line)
				}
			}
			return
		}
		if len(c.Mounts) == 0 {
			t.Fatal("config without mounts")
		}
		for _, m := range c.Mounts {
			if m.Callable == "" || m.Engine == "" || m.Threads == 0 || !filepath.IsAbs(m.Script) {
				t.Fatalf("mount not resolved: %+v", m)
			}
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("parsed config does not re-validate: %v", err)
		}
	})
}
