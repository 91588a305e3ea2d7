package nginx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nginx -t must refuse a bad configuration with nginx's usual
// "... in FILE:LINE", without starting Go in the master.
func TestConfigTestRejects(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		directive string
		want      string
	}{
		{"no arguments", "wsgi_script_alias;",
			`invalid number of arguments in "wsgi_script_alias" directive`},
		{"four arguments", "wsgi_script_alias / {{apps}}/hello.py callable-object=application extra;",
			`invalid number of arguments in "wsgi_script_alias" directive`},
		{"one argument", "wsgi_script_alias /x;",
			`invalid parameter "/x"`},
		{"unknown option", "wsgi_script_alias / {{apps}}/hello.py colour=red;",
			`invalid parameter "colour=red"`},
		{"unknown engine", "wsgi_engine pypy;",
			`invalid value "pypy"`},
		{"missing script", "wsgi_script_alias / {{dir}}/missing.py;",
			`wsgi script "` + dir + `/missing.py" cannot be opened (2: No such file or directory)`},
		{"directory as script", "wsgi_script_alias / {{dir}}/adir;",
			`wsgi script "` + dir + `/adir" is not a regular file`},
		{"threads out of range", "wsgi_threads 0;",
			`value must be between 1 and 1024`},
		{"bad callable", "wsgi_callable_object 9lives;",
			`invalid callable object "9lives"`},
		{"bad timeout", "wsgi_request_timeout soon;",
			`invalid value "soon"`},
		{"match that does not compile", "wsgi_script_alias_match ^/(x {{apps}}/hello.py;",
			`compile() failed`},
		{"match naming a missing group", "wsgi_script_alias_match ^/(x) {{dir}}/$2.py;",
			`refers to $2, but "^/(x)" has 1 group(s)`},
		{"match of a missing script", "wsgi_script_alias_match ^/x {{dir}}/missing.py;",
			`wsgi script "` + dir + `/missing.py" cannot be opened`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			httpBlock := fmt.Sprintf(`
    server {
        listen 127.0.0.1:{{port}};
        location / {
            %s
        }
    }`, strings.ReplaceAll(tc.directive, "{{dir}}", dir))
			prefix, _ := newPrefix(t, httpBlock)
			conf := filepath.Join(prefix, "nginx.conf")
			line := lineOf(t, conf, strings.Fields(tc.directive)[0])
			out, err := exec.Command(paths.nginx, "-t", "-p", prefix+"/", "-c", conf).CombinedOutput()
			if err == nil {
				t.Fatalf("nginx -t accepted it:\n%s", out)
			}
			if !hasError(string(out), tc.want, fmt.Sprintf(" in %s:%d", conf, line)) {
				t.Fatalf("nginx -t said:\n%s\nwant an [emerg] line with %q ending in %s:%d", out, tc.want, conf, line)
			}
		})
	}
}

// An unreadable script is refused too. Root reads every file, so as root
// nginx -t runs as nobody.
func TestConfigTestRejectsUnreadableScript(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "secret.py")
	if err := os.WriteFile(script, []byte("application = None\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	prefix, _ := newPrefix(t, `
    server {
        listen 127.0.0.1:{{port}};
        location / {
            wsgi_script_alias / `+script+`;
        }
    }`)
	conf := filepath.Join(prefix, "nginx.conf")
	cmd := exec.Command(paths.nginx, "-t", "-p", prefix+"/", "-c", conf)
	if paths.isRoot {
		// t.TempDir's own parent is private too.
		for _, d := range []string{filepath.Dir(dir), dir, prefix, filepath.Join(prefix, "logs"), filepath.Join(prefix, "temp")} {
			if err := os.Chmod(d, 0o777); err != nil {
				t.Fatal(err)
			}
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.CombinedOutput()
	where := fmt.Sprintf(" in %s:%d", conf, lineOf(t, conf, "wsgi_script_alias"))
	if err == nil || !hasError(string(out), "cannot be opened (13: Permission denied)", where) {
		t.Fatalf("nginx -t: %v\n%s\nwant the script refused%s", err, out, where)
	}
}

// hasError reports an [emerg] line of out that holds msg and ends with
// where (" in FILE:LINE").
func hasError(out, msg, where string) bool {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "[emerg]") && strings.Contains(l, msg) && strings.HasSuffix(l, where) {
			return true
		}
	}
	return false
}

// lineOf is the line of the first line of file starting with word.
func lineOf(t *testing.T, file, word string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), word) {
			return i + 1
		}
	}
	t.Fatalf("%s has no %s", file, word)
	return 0
}
