package gpython

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowsgi/gowsgi/core/engine/enginetest"
)

// gpython's own syntax error messages, which differ from CPython's.
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
			_, _, err := engines.TryLoad(t, tc.src)
			se := enginetest.ScriptError(t, err)
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
	_, _, err := engines.TryLoad(t, "x = 1\n\ndef f(:\n    pass\n")
	se := enginetest.ScriptError(t, err)
	want := "line 3\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"
	if !strings.HasSuffix(se.Traceback, want) {
		t.Errorf("traceback:\n%s\nwant suffix:\n%s", se.Traceback, want)
	}
}

func TestModuleName(t *testing.T) {
	const script = "/srv/site/app.wsgi"
	if !strings.HasPrefix(moduleName(script), "_wsgi_") || moduleName(script) == moduleName(script+"x") {
		t.Errorf("module names must be unique per script: %s", moduleName(script))
	}
}
