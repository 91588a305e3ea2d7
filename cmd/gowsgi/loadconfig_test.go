package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeScript(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	src := "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'hi']\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	hello := writeScript(t, dir, "hello.py")
	other := writeScript(t, dir, "other.py")
	conf := filepath.Join(dir, "gowsgi.conf")
	confText := "Listen 127.0.0.1:9001\nWSGIThreads 2\nWSGIScriptAlias /hello " + hello + " callable-object=application\n"
	if err := os.WriteFile(conf, []byte(confText), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.conf")
	if err := os.WriteFile(bad, []byte("WSGIScriptAlias /x "+hello+"\nWSGIThreads lots\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	type mountWant struct {
		uri      string
		threads  int
		engine   string
		callable string
	}
	tests := []struct {
		name       string
		flags      configFlags
		args       []string
		wantUsage  bool
		wantErr    string
		wantMounts []mountWant
		wantListen []string
	}{
		{name: "nothing to serve", wantUsage: true},
		{
			name:       "arguments only",
			args:       []string{hello, "/other=" + other + ":app"},
			wantMounts: []mountWant{{"/", 4, "gpython", "application"}, {"/other", 4, "gpython", "app"}},
		},
		{
			name:       "file and arguments",
			flags:      configFlags{file: conf},
			args:       []string{"/other=" + other},
			wantMounts: []mountWant{{"/hello", 2, "gpython", "application"}, {"/other", 2, "gpython", "application"}},
			wantListen: []string{"127.0.0.1:9001"},
		},
		{
			name:       "threads flag beats the file",
			flags:      configFlags{file: conf, threads: 7},
			args:       []string{"/other=" + other},
			wantMounts: []mountWant{{"/hello", 7, "gpython", "application"}, {"/other", 7, "gpython", "application"}},
			wantListen: []string{"127.0.0.1:9001"},
		},
		{
			name:       "engine flag",
			flags:      configFlags{engine: "cpython"},
			args:       []string{hello},
			wantMounts: []mountWant{{"/", 4, "cpython", "application"}},
		},
		{
			name:       "listen flag replaces the file's",
			flags:      configFlags{file: conf, listen: stringList{"8080", "[::1]:81"}},
			wantMounts: []mountWant{{"/hello", 2, "gpython", "application"}},
			wantListen: []string{":8080", "[::1]:81"},
		},
		{name: "bad file gives FILE:LINE", flags: configFlags{file: bad}, wantErr: bad + ":2: "},
		{name: "missing script", args: []string{filepath.Join(dir, "nope.py")}, wantErr: "nope.py"},
		{name: "same mount twice", args: []string{hello, other}, wantErr: "already mounted"},
		{name: "bad listen", flags: configFlags{listen: stringList{"localhost"}}, args: []string{hello}, wantErr: "Listen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := loadConfig(&tt.flags, tt.args)
			var usage usageError
			if got := errors.As(err, &usage); got != tt.wantUsage {
				t.Fatalf("usage error = %v (%v), want %v", got, err, tt.wantUsage)
			}
			if tt.wantUsage {
				return
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("loadConfig: %v", err)
			}
			if len(cfg.Mounts) != len(tt.wantMounts) {
				t.Fatalf("got %d mounts, want %d", len(cfg.Mounts), len(tt.wantMounts))
			}
			for i, w := range tt.wantMounts {
				m := cfg.Mounts[i]
				if m.URI != w.uri || m.Threads != w.threads || m.Engine != w.engine || m.Callable != w.callable {
					t.Errorf("mount %d = %s threads=%d engine=%s callable=%s; want %+v", i, m.URI, m.Threads, m.Engine, m.Callable, w)
				}
			}
			if strings.Join(cfg.Listen, " ") != strings.Join(tt.wantListen, " ") {
				t.Errorf("Listen = %q, want %q", cfg.Listen, tt.wantListen)
			}
		})
	}
}
