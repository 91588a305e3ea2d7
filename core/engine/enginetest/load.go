package enginetest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Load failures say where the script, or a module it imports, went wrong.
func (s *suite) loadErrors(t *testing.T) {
	cases := []struct {
		name     string
		files    map[string]string // besides app.wsgi, in the same directory
		src      string
		wantFile string // base name
		wantLine int
		wantMsg  string
		prefix   bool   // wantMsg starts the message, which goes on
		raised   bool   // the traceback is a raised exception's, ending in the message
		wantTB   string // in the traceback
	}{
		{
			name:     "exception at module level",
			src:      "x = 1\ny = undefined_name\n",
			wantFile: "app.wsgi", wantLine: 2,
			wantMsg: "NameError: name 'undefined_name' is not defined", raised: true,
		},
		{
			name:     "exception inside a function called at import",
			src:      "def setup():\n    config = {}\n    return config['missing']\n\nsetup()\n",
			wantFile: "app.wsgi", wantLine: 3,
			wantMsg: "KeyError: 'missing'", raised: true,
		},
		{
			name:     "raise with no arguments",
			src:      "\n\nraise ValueError()\n",
			wantFile: "app.wsgi", wantLine: 3,
			wantMsg: "ValueError", raised: true,
		},
		{
			name:     "exception while the script runs",
			src:      "import sys\n\nraise RuntimeError('no config')\n",
			wantFile: "app.wsgi", wantLine: 3,
			wantMsg: "RuntimeError: no config", raised: true, wantTB: "raise RuntimeError('no config')",
		},
		{
			name:     "syntax error in an imported module",
			files:    map[string]string{"broken.py": "def f(:\n    pass\n"},
			src:      "import broken\n",
			wantFile: "broken.py", wantLine: 1,
			wantMsg: "SyntaxError: invalid syntax",
		},
		{
			name:     "syntax error further down an imported module",
			files:    map[string]string{"broken.py": "value = 1\nvalue = = 2\n"},
			src:      "import broken\n",
			wantFile: "broken.py", wantLine: 2,
			wantMsg: "SyntaxError: invalid syntax",
		},
		{
			name:     "exception in an imported module",
			files:    map[string]string{"helper.py": "VALUE = 1\nVALUE += missing\n"},
			src:      "import helper\n",
			wantFile: "helper.py", wantLine: 2,
			wantMsg: "NameError: name 'missing' is not defined", raised: true, wantTB: "import helper",
		},
		{
			name:     "no such callable",
			src:      "def app(environ, start_response):\n    return []\n",
			wantFile: "app.wsgi",
			wantMsg:  "callable 'application' not found in ", prefix: true,
		},
		{
			name:     "callable is not callable",
			src:      "application = 'text'\n",
			wantFile: "app.wsgi",
			wantMsg:  "'application' in ", prefix: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.tryLoad(t, tc.src, setup{adjust: func(spec *engine.Spec) {
				for name, src := range tc.files {
					WriteFile(t, filepath.Dir(spec.Script), name, src)
				}
			}})
			se := ScriptError(t, err)
			msgOK := se.Message == tc.wantMsg || tc.prefix && strings.HasPrefix(se.Message, tc.wantMsg)
			if filepath.Base(se.File) != tc.wantFile || se.Line != tc.wantLine || !msgOK {
				t.Errorf("got %s:%d %q, want %s:%d %q", se.File, se.Line, se.Message, tc.wantFile, tc.wantLine, tc.wantMsg)
			}
			if tc.raised && (!strings.HasPrefix(se.Traceback, "Traceback (most recent call last):\n") ||
				!strings.HasSuffix(se.Traceback, tc.wantMsg+"\n")) {
				t.Errorf("traceback:\n%s", se.Traceback)
			}
			if !strings.Contains(se.Traceback, tc.wantTB) {
				t.Errorf("traceback lacks %q:\n%s", tc.wantTB, se.Traceback)
			}
		})
	}
}

func (s *suite) loadMissingScript(t *testing.T) {
	e, _ := s.engine(t, limits{})
	_, err := e.Load(engine.Spec{Script: filepath.Join(t.TempDir(), "absent.wsgi"), Callable: "application"})
	if err == nil || !strings.Contains(err.Error(), "absent.wsgi") {
		t.Fatalf("err = %v", err)
	}
}

// A script that never finishes importing must not wedge Load.
func (s *suite) loadTimeLimit(t *testing.T) {
	start := time.Now()
	_, _, err := s.tryLoad(t, "import time\nend = time.time() + 2\nwhile time.time() < end:\n    pass\n",
		setup{lim: limits{loadLimit: 100 * time.Millisecond, grace: 50 * time.Millisecond}})
	if !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Load took %v", elapsed)
	}
}

// The script's directory, then WSGIPythonPath, lead sys.path, and the
// script runs as a module of its own.
func (s *suite) moduleSetup(t *testing.T) {
	root := t.TempDir()
	lib := filepath.Join(root, "lib")
	WriteFile(t, lib, "shared_helper.py", "GREETING = 'from python path'\n")
	appDir := filepath.Join(root, "site")
	WriteFile(t, appDir, "local_helper.py", "NAME = 'from script dir'\n")
	script := WriteFile(t, appDir, "app.wsgi", `
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
	e, _ := s.engine(t, limits{})
	app, err := e.Load(engine.Spec{Script: script, Callable: "application", PythonPath: []string{lib}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	var x Exchange
	body, err := Serve(context.Background(), app, x.Request(nil, ""))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(body, "\n")
	want := []string{appDir, lib, "from python path", "from script dir", script, s.h.ModuleName(script)}
	for i := range want {
		if i >= len(lines) || lines[i] != want[i] {
			t.Fatalf("got %q, want %q", lines, want)
		}
	}
}

func (s *suite) defaultCallableName(t *testing.T) {
	app := s.load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'default']\n",
		setup{adjust: func(spec *engine.Spec) { spec.Callable = "" }})
	var x Exchange
	if body, err := Serve(context.Background(), app, x.Request(nil, "")); err != nil || body != "default" {
		t.Fatalf("body %q err %v", body, err)
	}
}

func (s *suite) registered(t *testing.T) {
	e, err := engine.New(s.h.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name() != s.h.Name {
		t.Errorf("Name() = %q, want %q", e.Name(), s.h.Name)
	}
}
