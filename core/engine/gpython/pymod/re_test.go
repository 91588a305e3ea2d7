package pymod

import (
	"regexp"
	"sync"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestTranslatePattern(t *testing.T) {
	cases := []struct {
		pattern string
		flags   int
		want    string // RE2 expression
		dollar  bool
	}{
		{pattern: `abc`, want: `abc`},
		{pattern: `^a$`, want: `\Aa\z`, dollar: true},
		{pattern: `(?m)^a$`, want: `(?m:^)a(?m:$)`},
		{pattern: `a\Z`, want: `a\z`},
		{pattern: `a{,3}`, want: `a{0,3}`},
		{pattern: `a{`, want: `a\{`},
		{pattern: `(?P<n>x)`, want: `(?P<n>x)`},
		{pattern: `\d`, flags: flagASCII, want: `[0-9]`},
		{pattern: `\d`, want: `[\p{Nd}]`},
		{pattern: `[\w-]`, flags: flagASCII, want: `[0-9A-Za-z_\x{2d}]`},
		{pattern: `a # c`, flags: flagVerbose, want: `a`},
		{pattern: `(?x) a\ b [ ]`, want: `a b[\x{20}]`},
		{pattern: `(?i)A`, want: `(?i)A`},
		{pattern: `(?i:a)b`, want: `(?i:a)b`},
		{pattern: `(?#note)a`, want: `a`},
		{pattern: `\x41\u00e9\101\0`, want: "AéA\x00"},
	}
	for _, c := range cases {
		tr, err := translatePattern(c.pattern, c.flags, false)
		if err != nil {
			t.Errorf("translate(%q): %v", c.pattern, err)
			continue
		}
		if tr.expr != c.want || tr.dollar != c.dollar {
			t.Errorf("translate(%q) = %q (dollar %v), want %q (dollar %v)", c.pattern, tr.expr, tr.dollar, c.want, c.dollar)
		}
		if _, err := regexp.Compile(tr.expr); err != nil {
			t.Errorf("translate(%q) gave invalid RE2 %q: %v", c.pattern, tr.expr, err)
		}
	}
}

func TestTranslatePatternErrors(t *testing.T) {
	cases := []struct {
		pattern string
		msg     string
		pos     int
	}{
		{`(`, "missing ), unterminated subpattern", 0},
		{`a)`, "unbalanced parenthesis", 1},
		{`[a`, "unterminated character set", 0},
		{`\`, "bad escape (end of pattern)", 0},
		{`\q`, `bad escape \q`, 0},
		{`a(?i)b`, "global flags not at the start of the expression", 1},
		{`a{2,1}`, "min repeat greater than max repeat", 2},
		{`a**`, "multiple repeat", 2},
		{`*a`, "nothing to repeat", 0},
		{`[z-a]`, "bad character range z-a", 1},
		{`(?P<a>x)(?P<a>y)`, "redefinition of group name 'a' as group 2; was group 1", 12},
		{`(a)\1`, "backreferences are not supported (the re module here runs on RE2)", 3},
		{`(?=a)`, "look-ahead assertions are not supported (the re module here runs on RE2)", 0},
		{`(?<!a)`, "look-behind assertions are not supported (the re module here runs on RE2)", 0},
		{`a++`, "possessive quantifiers are not supported (the re module here runs on RE2)", 1},
		{`(?>a)`, "atomic groups are not supported (the re module here runs on RE2)", 0},
	}
	for _, c := range cases {
		_, err := translatePattern(c.pattern, 0, false)
		re, ok := err.(*reError)
		if !ok || re.msg != c.msg || re.pos != c.pos {
			t.Errorf("translate(%q) error = %v, want %q at %d", c.pattern, err, c.msg, c.pos)
		}
	}
}

func TestClassRanges(t *testing.T) {
	// [^\W\d] in ASCII terms is letters and underscore.
	got := rangesClass(classRanges("0-9", []string{"0-9A-Za-z_"}, true))
	if want := `[\x{41}-\x{5a}\x{5f}\x{61}-\x{7a}]`; got != want {
		t.Errorf("classRanges = %s, want %s", got, want)
	}
}

func TestReModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "findall", setup: "import re", expr: `re.findall(r"\d+", "a1b22")`, want: "['1', '22']"},
		{name: "findall groups", setup: "import re", expr: `re.findall(r"(\w)=(\d)", "a=1 b=2")`, want: "[('a', '1'), ('b', '2')]"},
		{name: "unicode word", setup: "import re", expr: `re.findall(r"\w+", "héllo wörld")`, want: "['héllo', 'wörld']"},
		{name: "empty matches after match", setup: "import re", expr: `re.sub("x*", "-", "abxd")`, want: "'-a-b--d-'"},
		{name: "split empty", setup: "import re", expr: `re.split(r"\b", "a b")`, want: "['', 'a', ' ', 'b', '']"},
		{name: "dollar before final newline", setup: "import re", expr: `re.search(r"c$", "abc\n").span()`, want: "(2, 3)"},
		{name: "fullmatch ignores final newline", setup: "import re", expr: `re.fullmatch(r"abc$", "abc\n")`, want: "None"},
		{name: "search from pos", setup: "import re", expr: `re.compile(r"\bb").search("ab b", 1).span()`, want: "(3, 4)"},
		{name: "caret after pos", setup: "import re", expr: `re.compile("^b").search("ab", 1)`, want: "None"},
		{name: "char positions", setup: "import re", expr: `re.search("b", "ééb").span()`, want: "(2, 3)"},
		{name: "template", setup: "import re", expr: `re.sub(r"(?P<k>\w)(\d)", r"\2\g<k>", "a1b2")`, want: "'1a2b'"},
		{name: "function repl", setup: "import re", expr: `re.sub(r"\d", lambda m: "<" + m.group() + ">", "a1")`, want: "'a<1>'"},
		{name: "bytes", setup: "import re", expr: `re.findall(rb"[\x80-\xff]", b"a\xff\x80")`, want: `[b'\xff', b'\x80']`},
		{name: "lastindex nested", setup: "import re", expr: `re.match(r"((a)b)", "ab").lastindex`, want: "1"},
		{name: "flags repr", setup: "import re", expr: `re.I | re.M`, want: "re.IGNORECASE|re.MULTILINE"},
		{name: "pattern repr", setup: "import re", expr: `re.compile("a", re.I)`, want: "re.compile('a', re.IGNORECASE)"},
		{name: "bad escape in template", setup: "import re", expr: `re.sub("a", r"\q", "a")`, wantErr: `bad escape \q at position 0`},
		{name: "unknown group", setup: "import re", expr: `re.sub("a", r"\g<x>", "a")`, wantErr: "unknown group name 'x'"},
		{name: "str pattern on bytes", setup: "import re", expr: `re.search("a", b"a")`, wantErr: "cannot use a string pattern on a bytes-like object"},
		{name: "escape", setup: "import re", expr: `re.escape("a.b c")`, want: `'a\\.b\\ c'`},
	})
}

// Compiled patterns are shared through the cache by contexts running in
// parallel.
func TestRePatternsShared(t *testing.T) {
	Install()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := py.NewContext(py.DefaultContextOpts())
			defer ctx.Close()
			src := "import re\nfor i in range(50):\n    n = len(re.compile(r'\\w+').findall('ab cd', 1)) + len(re.sub('x*', '-', 'abc'))\n"
			code, err := py.Compile(src, "<race>", py.ExecMode, 0, true)
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := py.RunCode(ctx, code, "<race>", "__race__"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
