//go:build cgo && cpython

package cpython

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine"
)

// Failures point at the innermost frame, the way operators look for them.
func TestErrorsPointAtTheRaisingLine(t *testing.T) {
	app := load(t, `
def helper():
    return undefined_name

def application(environ, start_response):
    start_response('200 OK', [])
    return [helper()]
`)
	var x exchange
	_, err := serve(context.Background(), app, x.request(nil, ""))
	se := scriptError(t, err)
	if se.Line != 3 || se.Message != "NameError: name 'undefined_name' is not defined" || filepath.Base(se.File) != "app.wsgi" {
		t.Errorf("got %s:%d %q", se.File, se.Line, se.Message)
	}
	for _, want := range []string{"Traceback (most recent call last):", "in application", "return [helper()]",
		"in helper", "return undefined_name"} {
		if !strings.Contains(se.Traceback, want) {
			t.Errorf("traceback lacks %q:\n%s", want, se.Traceback)
		}
	}
	if strings.Contains(se.Traceback, "<gowsgi-cpython>") {
		t.Errorf("traceback shows the engine's own frames:\n%s", se.Traceback)
	}
}

// Load failures say where the script or a module it imports went wrong.
func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name     string
		files    map[string]string // besides app.wsgi, in the same directory
		src      string
		callable string
		wantFile string // base name
		wantLine int
		wantMsg  string
		wantTB   string // in the traceback
	}{
		{
			name:     "syntax error in the script",
			src:      "x = 1\ndef application(environ, start_response)\n    pass\n",
			wantFile: "app.wsgi", wantLine: 2,
			wantMsg: "SyntaxError: expected ':'",
		},
		{
			name:     "exception while the script runs",
			src:      "import os\n\nraise RuntimeError('no config')\n",
			wantFile: "app.wsgi", wantLine: 3,
			wantMsg: "RuntimeError: no config", wantTB: "raise RuntimeError('no config')",
		},
		{
			name:     "syntax error in an imported module",
			files:    map[string]string{"broken.py": "def f(:\n    pass\n"},
			src:      "import broken\n",
			wantFile: "broken.py", wantLine: 1,
			wantMsg: "SyntaxError: invalid syntax",
		},
		{
			name:     "exception in an imported module",
			files:    map[string]string{"helper.py": "VALUE = 1\nVALUE += missing\n"},
			src:      "import helper\n",
			wantFile: "helper.py", wantLine: 2,
			wantMsg: "NameError: name 'missing' is not defined", wantTB: "import helper",
		},
		{
			name:     "missing module",
			src:      "\nimport no_such_module_here\n",
			wantFile: "app.wsgi", wantLine: 2,
			wantMsg: "ModuleNotFoundError: No module named 'no_such_module_here'",
		},
		{
			name:     "no such callable",
			src:      "def app(environ, start_response):\n    pass\n",
			wantFile: "app.wsgi",
			wantMsg:  "callable 'application' not found in ",
		},
		{
			name:     "callable is not callable",
			src:      "application = 42\n",
			wantFile: "app.wsgi",
			wantMsg:  "'application' in ",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := loadLogged(t, tc.src, func(s *engine.Spec, _ *settings) {
				for name, src := range tc.files {
					writeFile(t, filepath.Dir(s.Script), name, src)
				}
			})
			se := scriptError(t, err)
			if filepath.Base(se.File) != tc.wantFile || se.Line != tc.wantLine || !strings.HasPrefix(se.Message, tc.wantMsg) {
				t.Errorf("got %s:%d %q, want %s:%d %q", se.File, se.Line, se.Message, tc.wantFile, tc.wantLine, tc.wantMsg)
			}
			if !strings.Contains(se.Traceback, tc.wantTB) {
				t.Errorf("traceback lacks %q:\n%s", tc.wantTB, se.Traceback)
			}
		})
	}
}

// Python-level disasters are exceptions of the request, not of the process.
func TestPythonFailuresStayInTheRequest(t *testing.T) {
	cases := []struct {
		name, code, wantMsg string
	}{
		{name: "sys.exit", code: "sys.exit(3)", wantMsg: "SystemExit: 3"},
		{name: "KeyboardInterrupt", code: "raise KeyboardInterrupt", wantMsg: "KeyboardInterrupt"},
		{name: "runaway recursion", code: "def f(): return f()\n    f()", wantMsg: "RecursionError: maximum recursion depth exceeded"},
		{name: "exception whose str fails", code: "class E(Exception):\n        def __str__(self): raise ValueError\n    raise E()",
			wantMsg: "application.<locals>.E: <exception str() failed>"},
		{name: "exception from a library module", code: "import json\n    json.loads('{')", wantMsg: "json.decoder.JSONDecodeError: Expecting property name"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			app := load(t, "import sys\ndef application(environ, start_response):\n    "+tc.code+"\n")
			var x exchange
			_, err := serve(context.Background(), app, x.request(nil, ""))
			// Classes of the script are named after its module, as CPython's
			// own traceback names them.
			if se := scriptError(t, err); !strings.Contains(se.Message, tc.wantMsg) {
				t.Errorf("message = %q, want it to contain %q", se.Message, tc.wantMsg)
			}
			healthy := load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'alive']\n")
			if body, err := serve(context.Background(), healthy, x.request(nil, "")); err != nil || body != "alive" {
				t.Fatalf("interpreter after the failure: body %q err %v", body, err)
			}
		})
	}
}
