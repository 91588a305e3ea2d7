package rewrite

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestExpandFStrings(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no f-string", `x = "a{b}c"`, `x = "a{b}c"`},
		{"plain field", `f"a{x}b"`, `('a' + __gowsgi_format__((x)) + 'b')`},
		{"conversion and spec", `f'{x!r:>10}'`, `(__gowsgi_format__((x), ('>10'), 'r'))`},
		{"conversion only", `f'{x!s}'`, `(__gowsgi_format__((x), '', 's'))`},
		{"nested spec", `f"{x:{w}.{p}f}"`, `(__gowsgi_format__((x), (__gowsgi_format__((w)) + '.' + __gowsgi_format__((p)) + 'f')))`},
		{"doubled braces", `f"{{x}}"`, `('{x}')`},
		{"empty", `f""`, `('')`},
		{"raw", `rf"\n{x}"`, `('\\n' + __gowsgi_format__((x)))`},
		{"escapes decoded", `f"\t\x41{x}"`, `('\tA' + __gowsgi_format__((x)))`},
		{"concatenation", `"a" f"{x}" 'b'`, `("a" +  __gowsgi_format__((x)) +  'b')`},
		{"other quotes inside", `f"{d['k']}"`, `(__gowsgi_format__((d['k'])))`},
		{"nested f-string", `f"{f'{x}'}"`, `(__gowsgi_format__(((__gowsgi_format__((x))))))`},
		{"debug specifier", `f"{x = }"`, `('x = ' + __gowsgi_format__((x ), '', 'r'))`},
		{"debug with spec", `f"{x=:.2f}"`, `('x=' + __gowsgi_format__((x), ('.2f')))`},
		{"comparison is not debug", `f"{a==b}"`, `(__gowsgi_format__((a==b)))`},
		{"not-equal is not a conversion", `f"{a!=b}"`, `(__gowsgi_format__((a!=b)))`},
		{"colon inside brackets", `f"{d[1:2]}"`, `(__gowsgi_format__((d[1:2])))`},
		{"prefix is a name", `elif"x" in f"{y}"`, `elif"x" in (__gowsgi_format__((y)))`},
		{"comment ignored", "# f'{x}'\ny = 1", "# f'{x}'\ny = 1"},
		{"brace escapes in literal", `f"\{x}"`, `('\\' + __gowsgi_format__((x)))`},
		{"multi-line triple", "f'''a\n{x\n+ 1}\nb'''", "('a\\n'\n + __gowsgi_format__((x\n+ 1)) + '\\nb'\n)"},
		{"concatenation across lines in brackets", "(f'{x}'  # c\n 'y')", "((__gowsgi_format__((x)) +   # c\n 'y'))"},
		{"unicode kept", `f"é{x}"`, `('é' + __gowsgi_format__((x)))`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expandFStrings(tt.src)
			if err != nil {
				t.Fatalf("expandFStrings(%q): %v", tt.src, err)
			}
			if got != tt.want {
				t.Errorf("expandFStrings(%q)\n got %s\nwant %s", tt.src, got, tt.want)
			}
			if strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("expandFStrings(%q) changed the number of lines", tt.src)
			}
		})
	}
}

func TestFStringSyntaxErrors(t *testing.T) {
	tests := []struct {
		src, msg string
		line     int
	}{
		{"x = 1\ny = f\"{x\"\n", "f-string: expecting '}'", 2},
		{`f"}"`, "f-string: single '}' is not allowed", 1},
		{`f"{}"`, "f-string: empty expression not allowed", 1},
		{`f"{ }"`, "f-string: empty expression not allowed", 1},
		{`f"{x!z}"`, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1},
		{`f"{x!}"`, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1},
		{`f"{x:{y:{z}}}"`, "f-string: expressions nested too deeply", 1},
		{`f"{(x}"`, "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1},
		{`f"{x)}"`, "f-string: unmatched ')'", 1},
		{`f'{a['b']}'`, "f-string: unmatched '['", 1},
		{`f'{"\n"}'`, "f-string expression part cannot include a backslash", 1},
		{`f"{#}"`, "f-string expression part cannot include '#'", 1},
		{"\n\nf\"abc\n", "unterminated string literal (detected at line 3)", 3},
		{"f'''abc\n\n", "unterminated triple-quoted string literal (detected at line 3)", 1},
		{`b"a" f"{x}"`, "cannot mix bytes and nonbytes literals", 1},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			_, err := py.Compile(tt.src, "bad.py", py.ExecMode, 0, true)
			exc, ok := err.(*py.Exception)
			if !ok || !py.IsException(py.SyntaxError, exc) {
				t.Fatalf("compiling %q: got %v, want a SyntaxError", tt.src, err)
			}
			if got := exceptionText(exc); got != tt.msg {
				t.Errorf("message %q, want %q", got, tt.msg)
			}
			if got := exc.Dict["lineno"]; got != py.Int(tt.line) {
				t.Errorf("line %v, want %d", got, tt.line)
			}
			if got := exc.Dict["filename"]; got != py.String("bad.py") {
				t.Errorf("filename %v, want bad.py", got)
			}
		})
	}
}

func exceptionText(exc *py.Exception) string {
	args, _ := exc.Args.(py.Tuple)
	if len(args) == 0 {
		return ""
	}
	s, _ := args[0].(py.String)
	return string(s)
}

func TestFStringsRun(t *testing.T) {
	needsFormat(t)
	tests := []struct{ name, src, want string }{
		{"fields", "name = 'world'\nprint(f'hello {name}!')", "hello world!\n"},
		{"conversions", "s = 'é'\nprint(f'{s!r} {s!s} {s!a}')", "'é' é '\\xe9'\n"},
		{"specs", "x = 3.14159\nw = 8\nprint(f'[{x:.2f}] [{x:>{w}.1f}] [{255:#x}]')", "[3.14] [     3.1] [0xff]\n"},
		{"debug", "x = 2\nprint(f'{x=} {x * 2 = } {x=:03d}')", "x=2 x * 2 = 4 x=002\n"},
		{"concatenation", "x = 1\nprint('a' f'{x}' \"b\" f'{x + 1}')", "a1b2\n"},
		{"result is a str", "print(f'{1}{2}' * 2, f'{1}'.zfill(3), type(f'{1}').__name__)", "1212 001 str\n"},
		{"triple quoted", "x = 5\nprint(f'''<\n{x}\n>''')", "<\n5\n>\n"},
		{"shadowed builtins", "str = repr = format = None\nx = 1\nprint(f'{x!r} {x!s} {x:>2}')", "1 1  1\n"},
		{"user __format__", "class C:\n    def __format__(self, spec): return 'C' + spec\nprint(f'{C():xy} {C()}')", "Cxy C\n"},
		{"in a class body", "class C:\n    v = 1\n    s = f'{v}'\nprint(C.s)", "1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runPython(t, "run.py", tt.src)
			if err != nil {
				t.Fatalf("running %q: %v", tt.src, err)
			}
			if out != tt.want {
				t.Errorf("printed %q, want %q", out, tt.want)
			}
		})
	}
}

// An error raised inside an f-string expression is reported at the line
// of that expression, also inside a multi-line f-string.
func TestFStringTracebackLines(t *testing.T) {
	src := "x = 1\ns = f'''first\n{x}\n{1 / 0}\n'''\n"
	_, err := runPython(t, "lines.py", src)
	info, ok := err.(py.ExceptionInfo)
	if !ok {
		t.Fatalf("got %v, want a ZeroDivisionError", err)
	}
	if got := innermostLine(info); got != 4 {
		t.Errorf("traceback line %d, want 4", got)
	}
}

func innermostLine(info py.ExceptionInfo) int {
	line := 0
	for tb := info.Traceback; tb != nil; tb = tb.Next {
		line = int(tb.Lineno)
	}
	return line
}
