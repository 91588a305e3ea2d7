package gpython

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

func TestLoadSyntaxError(t *testing.T) {
	cases := []struct {
		name     string
		src      string
		wantLine int
		wantMsg  string
	}{
		{name: "bad def", src: "x = 1\n\ndef f(:\n    pass\n", wantLine: 3, wantMsg: "SyntaxError: invalid syntax"},
		{name: "missing indent", src: "if True:\nprint(1)\n", wantLine: 2, wantMsg: "SyntaxError: invalid syntax"},
		{name: "unterminated string", src: "a = 1\nb = 'abc\n", wantLine: 2, wantMsg: "SyntaxError: EOL while scanning string literal"},
		{name: "unclosed paren", src: "x = (\n", wantLine: 2, wantMsg: "SyntaxError: unexpected EOF while parsing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tryLoad(t, tc.src)
			se := scriptError(t, err)
			if se.Line != tc.wantLine || se.Message != tc.wantMsg {
				t.Errorf("got line %d %q, want line %d %q", se.Line, se.Message, tc.wantLine, tc.wantMsg)
			}
			if filepath.Base(se.File) != "app.wsgi" {
				t.Errorf("file = %q", se.File)
			}
			if !strings.HasSuffix(se.Traceback, tc.wantMsg+"\n") {
				t.Errorf("traceback:\n%s", se.Traceback)
			}
		})
	}
}

func TestLoadSyntaxErrorCaret(t *testing.T) {
	_, err := tryLoad(t, "x = 1\n\ndef f(:\n    pass\n")
	se := scriptError(t, err)
	want := "line 3\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"
	if !strings.HasSuffix(se.Traceback, want) {
		t.Errorf("traceback:\n%s\nwant suffix:\n%s", se.Traceback, want)
	}
}

func TestLoadRuntimeError(t *testing.T) {
	cases := []struct {
		name     string
		src      string
		wantLine int
		wantMsg  string
	}{
		{
			name:     "at module level",
			src:      "x = 1\ny = undefined_name\n",
			wantLine: 2,
			wantMsg:  "NameError: name 'undefined_name' is not defined",
		},
		{
			name:     "inside a function called at import",
			src:      "def setup():\n    config = {}\n    return config['missing']\n\nsetup()\n",
			wantLine: 3,
			wantMsg:  "KeyError: 'missing'",
		},
		{
			name:     "raise with no arguments",
			src:      "\n\nraise ValueError()\n",
			wantLine: 3,
			wantMsg:  "ValueError",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tryLoad(t, tc.src)
			se := scriptError(t, err)
			if se.Line != tc.wantLine || se.Message != tc.wantMsg {
				t.Errorf("got line %d %q, want line %d %q", se.Line, se.Message, tc.wantLine, tc.wantMsg)
			}
			if !strings.HasPrefix(se.Traceback, "Traceback (most recent call last):\n") ||
				!strings.HasSuffix(se.Traceback, tc.wantMsg+"\n") {
				t.Errorf("traceback:\n%s", se.Traceback)
			}
		})
	}
}

func TestLoadSyntaxErrorInImportedModule(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "broken.py", "value = 1\nvalue = = 2\n")
	e, _ := testEngine(t)
	_, err := e.Load(engine.Spec{
		Script:   writeFile(t, dir, "app.wsgi", "import broken\n"),
		Callable: "application",
	})
	se := scriptError(t, err)
	if filepath.Base(se.File) != "broken.py" || se.Line != 2 || se.Message != "SyntaxError: invalid syntax" {
		t.Errorf("got %s:%d %q", se.File, se.Line, se.Message)
	}
}

func TestLoadCallableProblems(t *testing.T) {
	cases := []struct {
		name, src, callable, want string
	}{
		{name: "missing", src: "def app(e, s):\n    return []\n", callable: "application", want: "callable 'application' not found in "},
		{name: "not callable", src: "application = 'text'\n", callable: "application", want: "'application' in "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tryLoad(t, tc.src, func(s *engine.Spec, _ *settings) { s.Callable = tc.callable })
			se := scriptError(t, err)
			if !strings.HasPrefix(se.Message, tc.want) || filepath.Base(se.File) != "app.wsgi" {
				t.Errorf("got %q in %q", se.Message, se.File)
			}
		})
	}
}

func TestLoadMissingScript(t *testing.T) {
	e, _ := testEngine(t)
	_, err := e.Load(engine.Spec{Script: filepath.Join(t.TempDir(), "absent.wsgi"), Callable: "application"})
	if err == nil || !strings.Contains(err.Error(), "absent.wsgi") {
		t.Fatalf("err = %v", err)
	}
}

// A script that never finishes importing must not wedge Load.
func TestLoadTimeLimit(t *testing.T) {
	start := time.Now()
	_, err := tryLoad(t, "import time\nend = time.time() + 2\nwhile time.time() < end:\n    pass\n",
		func(_ *engine.Spec, s *settings) { s.loadLimit, s.grace = 100*time.Millisecond, 50*time.Millisecond })
	if !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Load took %v", elapsed)
	}
}

func TestModuleSetup(t *testing.T) {
	root := t.TempDir()
	lib := filepath.Join(root, "lib")
	writeFile(t, lib, "shared_helper.py", "GREETING = 'from python path'\n")
	appDir := filepath.Join(root, "site")
	writeFile(t, appDir, "local_helper.py", "NAME = 'from script dir'\n")
	script := writeFile(t, appDir, "app.wsgi", `
import sys
import shared_helper
import local_helper

def application(environ, start_response):
    start_response('200 OK', [])
    lines = [
        sys.path[0],
        sys.path[1],
        shared_helper.GREETING,
        local_helper.NAME,
        __file__,
        __name__,
    ]
    return ["\n".join(lines).encode()]
`)
	e, _ := testEngine(t)
	app, err := e.Load(engine.Spec{Script: script, Callable: "application", PythonPath: []string{lib}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	var x exchange
	body, err := serve(context.Background(), app, x.request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(body, "\n")
	want := []string{appDir, lib, "from python path", "from script dir", script, moduleName(script)}
	for i := range want {
		if i >= len(lines) || lines[i] != want[i] {
			t.Fatalf("got %q, want %q", lines, want)
		}
	}
	if !strings.HasPrefix(moduleName(script), "_wsgi_") || moduleName(script) == moduleName(script+"x") {
		t.Errorf("module names must be unique per script: %s", moduleName(script))
	}
}

func TestDefaultCallableName(t *testing.T) {
	app := load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'default']\n",
		func(s *engine.Spec, _ *settings) { s.Callable = "" })
	var x exchange
	if body, err := serve(context.Background(), app, x.request(nil, "")); err != nil || body != "default" {
		t.Fatalf("body %q err %v", body, err)
	}
}

func TestRegistered(t *testing.T) {
	e, err := engine.New(Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name() != "gpython" {
		t.Errorf("Name() = %q", e.Name())
	}
}
