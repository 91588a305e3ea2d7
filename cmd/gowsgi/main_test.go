package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	hello := writeScript(t, dir, "hello.py")
	broken := filepath.Join(dir, "broken.py")
	if err := os.WriteFile(broken, []byte("def application(:\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noCallable := filepath.Join(dir, "nocallable.py")
	if err := os.WriteFile(noCallable, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badConf := filepath.Join(dir, "bad.conf")
	if err := os.WriteFile(badConf, []byte("WSGIScriptAlias /x "+hello+"\nWSGIBogus 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // regular expression
		wantStderr string // regular expression
	}{
		{name: "no command", wantCode: exitUsage, wantStderr: "usage: gowsgi <command>"},
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: exitUsage, wantStderr: `unknown command "frobnicate"(.|\n)*usage:`},
		{name: "help", args: []string{"help"}, wantCode: exitOK, wantStdout: "usage: gowsgi <command>"},
		{name: "version", args: []string{"version"}, wantCode: exitOK,
			wantStdout: `^gowsgi \S+ \(` + regexp.QuoteMeta(runtime.Version()) + `, engines: (\w+, )*gpython(, \w+)*\)\n$`},
		{name: "serve help", args: []string{"serve", "-h"}, wantCode: exitOK, wantStderr: "usage: gowsgi serve"},
		{name: "serve without mounts", args: []string{"serve"}, wantCode: exitUsage, wantStderr: "nothing to serve(.|\n)*usage: gowsgi serve"},
		{name: "serve bad flag", args: []string{"serve", "--threads", "0", hello}, wantCode: exitUsage, wantStderr: "-threads: expected a whole number"},
		{name: "serve bad log level", args: []string{"serve", "--log-level", "loud", hello}, wantCode: exitUsage, wantStderr: "--log-level"},
		{name: "serve bad config", args: []string{"serve", "--config", badConf}, wantCode: exitFail,
			wantStderr: "^" + regexp.QuoteMeta(badConf) + `:2: `},
		{name: "check ok", args: []string{"check", "/app=" + hello}, wantCode: exitOK,
			wantStdout: "^OK /app " + regexp.QuoteMeta(hello) + `:application \(gpython\)\n$`},
		{name: "check broken script", args: []string{"check", broken}, wantCode: exitFail,
			wantStderr: regexp.QuoteMeta(broken) + `:1: `},
		{name: "check missing callable", args: []string{"check", noCallable}, wantCode: exitFail,
			wantStderr: regexp.QuoteMeta(noCallable)},
		{name: "check without mounts", args: []string{"check"}, wantCode: exitUsage, wantStderr: "usage: gowsgi check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, &stdout, &stderr)
			}
			if tt.wantStdout != "" && !regexp.MustCompile(tt.wantStdout).MatchString(stdout.String()) {
				t.Errorf("stdout %q does not match %q", &stdout, tt.wantStdout)
			}
			if tt.wantStderr != "" && !regexp.MustCompile(tt.wantStderr).MatchString(stderr.String()) {
				t.Errorf("stderr %q does not match %q", &stderr, tt.wantStderr)
			}
			if tt.wantStdout == "" && strings.TrimSpace(stdout.String()) != "" {
				t.Errorf("unexpected stdout %q", &stdout)
			}
		})
	}
}

func TestBuildVersion(t *testing.T) {
	if got := buildVersion(); got == "" {
		t.Error("empty version")
	}
}
