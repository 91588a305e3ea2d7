package bridge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"

	_ "github.com/gowsgi/gowsgi/core/engine/gpython"
)

func TestParseSettings(t *testing.T) {
	s, err := ParseSettings("GOMAXPROCS=2\n\nGOMEMLIMIT=512MiB\nGOGC=400\nLOG_LEVEL=debug\n")
	if err != nil {
		t.Fatal(err)
	}
	if s.MaxProcs != 2 || s.MemoryLimit != 512<<20 || s.GCPercent != 400 || s.LogLevel != hclog.Debug {
		t.Errorf("settings = %+v", s)
	}
	for _, bad := range []string{"GOMAXPROCS=0", "GOMEMLIMIT=lots", "GOGC=0", "LOG_LEVEL=loud", "COLOR=red", "novalue"} {
		if _, err := ParseSettings(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestBuildAppsPlacesErrors(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "app.py")
	if err := os.WriteFile(script, []byte("def application(e, s):\n    return []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := BuildApps([]App{
		{Directive: "WSGIScriptAlias / " + script, File: "/etc/nginx/nginx.conf", Line: 12},
		{Directive: "WSGIScriptAlias / " + script + " callable-object=other", File: "/etc/nginx/nginx.conf", Line: 30},
	}, nil)
	if err != nil || len(ds) != 2 {
		t.Fatalf("two apps on one URI: %d, %v", len(ds), err)
	}
	ds, err = BuildApps([]App{
		{Directive: "WSGIScriptAlias /x " + filepath.Join(dir, "missing.py"), File: "/etc/nginx/wsgi.conf", Line: 7},
		{Directive: "WSGIScriptAlias /y " + script, File: "/etc/nginx/wsgi.conf", Line: 9},
	}, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "/etc/nginx/wsgi.conf:7: ") {
		t.Fatalf("missing script: %v, want an error at /etc/nginx/wsgi.conf:7", err)
	}
	if len(ds) != 2 || ds[0] != nil || ds[1] == nil {
		t.Fatalf("dispatchers %v, want only the second", ds)
	}
}
