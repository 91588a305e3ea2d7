package tests

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// runGowsgi runs the binary to completion and returns its exit code and
// combined stdout and stderr.
func runGowsgi(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, gowsgiBin, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("gowsgi %v did not finish within 30s; output:\n%s", args, out.String())
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String()
	default:
		t.Fatalf("running gowsgi %v: %v", args, err)
		return 0, ""
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	broken := writeFile(t, dir, "broken.py", brokenScript)
	static := t.TempDir()
	cfgLine := func(cfg string, line int) *regexp.Regexp {
		return regexp.MustCompile(regexp.QuoteMeta(fmt.Sprintf("%s:%d", cfg, line)))
	}

	cases := []struct {
		name  string
		lines []string // config file; nil to pass args only
		args  []string
		// want builds, from the config path, the patterns the output must
		// match; nil means exit 0 is expected.
		want func(cfg string) []*regexp.Regexp
	}{
		{
			name: "good config",
			lines: []string{
				"# every directive the standalone server reads",
				"Listen 127.0.0.1:8089",
				"WSGIScriptAlias /app " + app("hello.py") + " callable-object=app_a",
				"WSGIScriptAliasMatch ^/re/([a-z]+) " + filepath.Join(appsDir, "match", "$1.py"),
				"WSGIScriptAlias / " + app("hello.py"),
				"WSGICallableObject application",
				"WSGIPythonPath " + appsDir,
				"WSGIScriptReloading Off",
				"WSGIPassAuthorization On",
				"WSGIEngine gpython",
				"WSGIThreads 3",
				"WSGIRequestTimeout 30",
				"Alias /static " + static,
			},
		},
		{
			name:  "unknown directive",
			lines: []string{"WSGIScriptAlias / " + app("hello.py"), "", "WSGIFrobnicate On"},
			want:  func(cfg string) []*regexp.Regexp { return []*regexp.Regexp{cfgLine(cfg, 3)} },
		},
		{
			name:  "bad directive value",
			lines: []string{"WSGIScriptAlias / " + app("hello.py"), "WSGIThreads lots"},
			want:  func(cfg string) []*regexp.Regexp { return []*regexp.Regexp{cfgLine(cfg, 2)} },
		},
		{
			name:  "missing script",
			lines: []string{"# comment", "WSGIScriptAlias /x " + filepath.Join(dir, "no-such-script.py")},
			want:  func(cfg string) []*regexp.Regexp { return []*regexp.Regexp{cfgLine(cfg, 2)} },
		},
		{
			name:  "script with a syntax error",
			lines: []string{"WSGIScriptAlias / " + broken},
			want: func(cfg string) []*regexp.Regexp {
				return []*regexp.Regexp{fileLineRE(broken, brokenLine)}
			},
		},
		{
			name:  "missing callable",
			lines: []string{"", "WSGIScriptAlias / " + app("hello.py") + " callable-object=no_such_callable"},
			want: func(cfg string) []*regexp.Regexp {
				return []*regexp.Regexp{
					regexp.MustCompile(regexp.QuoteMeta(fmt.Sprintf("%s:2", cfg)) + "|" + regexp.QuoteMeta(app("hello.py"))),
					regexp.MustCompile("no_such_callable"),
				}
			},
		},
		{
			name: "script argument",
			args: []string{app("hello.py") + ":app_b"},
		},
		{
			name: "script argument with a syntax error",
			args: []string{broken},
			want: func(string) []*regexp.Regexp { return []*regexp.Regexp{fileLineRE(broken, brokenLine)} },
		},
		{
			name: "script argument with a missing callable",
			args: []string{app("hello.py") + ":no_such_callable"},
			want: func(string) []*regexp.Regexp { return []*regexp.Regexp{regexp.MustCompile("no_such_callable")} },
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"check"}
			cfg := ""
			if tc.lines != nil {
				cfg = writeConfig(t, tc.lines...)
				args = append(args, "--config", cfg)
			}
			args = append(args, tc.args...)
			code, out := runGowsgi(t, args...)
			if tc.want == nil {
				if code != 0 {
					t.Errorf("gowsgi %s: exit %d, want 0; output:\n%s", strings.Join(args, " "), code, out)
				}
				return
			}
			if code != 1 {
				t.Errorf("gowsgi %s: exit %d, want 1; output:\n%s", strings.Join(args, " "), code, out)
			}
			for _, re := range tc.want(cfg) {
				if !re.MatchString(out) {
					t.Errorf("output does not match %q; output:\n%s", re, out)
				}
			}
		})
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	code, out := runGowsgi(t, "version")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Errorf("gowsgi version: exit %d, output %q; want exit 0 and a version", code, out)
	}
}
