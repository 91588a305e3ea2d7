//go:build cgo && cpython

package cpython

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// Load failures in CPython's own words, which gpython's differ from.
func TestLoadErrorsInCPythonWords(t *testing.T) {
	cases := []struct {
		name, src string
		wantLine  int
		wantMsg   string
	}{
		{name: "syntax error in the script", src: "x = 1\ndef application(environ, start_response)\n    pass\n",
			wantLine: 2, wantMsg: "SyntaxError: expected ':'"},
		{name: "missing module", src: "\nimport no_such_module_here\n",
			wantLine: 2, wantMsg: "ModuleNotFoundError: No module named 'no_such_module_here'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := engines.TryLoad(t, tc.src)
			se := enginetest.ScriptError(t, err)
			if filepath.Base(se.File) != "app.wsgi" || se.Line != tc.wantLine || se.Message != tc.wantMsg {
				t.Errorf("got %s:%d %q, want app.wsgi:%d %q", se.File, se.Line, se.Message, tc.wantLine, tc.wantMsg)
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
			app := engines.Load(t, "import sys\ndef application(environ, start_response):\n    "+tc.code+"\n")
			var x enginetest.Exchange
			_, err := enginetest.Serve(context.Background(), app, x.Request(nil, ""))
			// Classes of the script are named after its module, as CPython's
			// own traceback names them.
			if se := enginetest.ScriptError(t, err); !strings.Contains(se.Message, tc.wantMsg) {
				t.Errorf("message = %q, want it to contain %q", se.Message, tc.wantMsg)
			}
			healthy := engines.Load(t, "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'alive']\n")
			if body, err := enginetest.Serve(context.Background(), healthy, x.Request(nil, "")); err != nil || body != "alive" {
				t.Fatalf("interpreter after the failure: body %q err %v", body, err)
			}
		})
	}
}
