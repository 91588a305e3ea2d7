//go:build cgo && cpython

package cpython

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// The script's directory and WSGIPythonPath come first on sys.path.
func TestSysPath(t *testing.T) {
	lib := t.TempDir()
	enginetest.WriteFile(t, lib, "libmod.py", "WHERE = 'python path'\n")
	app := engines.Load(t, `
import sys, os
import sibling, libmod

def application(environ, start_response):
    start_response('200 OK', [])
    here = os.path.dirname(__file__)
    ok = sys.path.index(here) < sys.path.index(LIB) < sys.path.index(os.path.dirname(os.__file__))
    return [("%s|%s|%s" % (sibling.WHERE, libmod.WHERE, ok)).encode()]
`, func(s *engine.Spec, _ *settings) {
		s.PythonPath = []string{lib}
		enginetest.WriteFile(t, filepath.Dir(s.Script), "sibling.py", "WHERE = 'script dir'\n")
		src, err := os.ReadFile(s.Script)
		if err != nil {
			t.Fatal(err)
		}
		enginetest.WriteFile(t, filepath.Dir(s.Script), "app.wsgi", "LIB = "+quote(lib)+"\n"+string(src))
	})
	var x enginetest.Exchange
	body, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
	if want := "script dir|python path|True"; err != nil || body != want {
		t.Fatalf("body %q err %v, want %q", body, err, want)
	}
}

// quote is a Python string literal for a path without quotes or escapes.
func quote(s string) string { return "'" + s + "'" }

// A reloaded script runs as a fresh module: the previous version's
// requests keep their own globals, and closing the old app leaves the new
// one registered under the script's module name.
func TestReloadedScriptGetsAFreshModule(t *testing.T) {
	e, _ := engines.Engine(t)
	script := enginetest.WriteFile(t, t.TempDir(), "app.wsgi", appReturning("v1"))
	spec := engine.Spec{Script: script, Callable: "application", Threads: 1}
	first, err := e.Load(spec)
	if err != nil {
		t.Fatal(err)
	}
	enginetest.WriteFile(t, filepath.Dir(script), "app.wsgi", appReturning("v2"))
	second, err := e.Load(spec)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		first.Close()
		second.Close()
	})
	for _, tc := range []struct {
		app  engine.App
		want string
	}{{first, "v1 v2"}, {second, "v2 v2"}} {
		var x enginetest.Exchange
		if body, err := enginetest.Serve(context.Background(), tc.app, x.Request(nil, "")); err != nil || body != tc.want {
			t.Fatalf("body %q err %v, want %q", body, err, tc.want)
		}
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	var x enginetest.Exchange
	if body, err := enginetest.Serve(context.Background(), second, x.Request(nil, "")); err != nil || body != "v2 v2" {
		t.Fatalf("after closing the old version: body %q err %v", body, err)
	}
	if err := second.Close(); err != nil {
		t.Fatal(err)
	}
	probe := engines.Load(t, "import sys\ndef application(environ, start_response):\n"+
		"    start_response('200 OK', [])\n    return [str('"+moduleName(script)+"' in sys.modules).encode()]\n")
	if body, err := enginetest.Serve(context.Background(), probe, x.Request(nil, "")); err != nil || body != "False" {
		t.Fatalf("module still in sys.modules after its last version closed: %q %v", body, err)
	}
}

// appReturning is a script answering its own version and the version of
// the module sys.modules holds under its name.
func appReturning(version string) string {
	return `
import sys
VERSION = '` + version + `'

def application(environ, start_response):
    start_response('200 OK', [])
    registered = sys.modules.get(__name__)
    return [("%s %s" % (VERSION, registered.VERSION if registered else "missing")).encode()]
`
}
