package rewrite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
)

// The printer must write back source that gpython compiles to exactly the
// code of the original, line table included: these tests print without
// rewriting and compare the compiled code objects.

// printerCases cover the constructs of the 3.4 grammar, and the layouts
// that keep nodes on their lines.
var printerCases = map[string]string{
	"precedence":    "x = (a + b) * c - d / (e - f) ** -g ** h\ny = -x ** 2, (-x) ** 2, ~x & 3 | 4 ^ 5 << 1 >> 2\nz = not a and (b or c) or not (d and e)\n",
	"comparisons":   "r = a < b <= c != d, a is not b, a not in b, (a < b) < c, a == (b == c)\n",
	"conditionals":  "x = a if b else c if d else e\ny = (a if b else c) if d else e\nz = lambda q, *r, s=1, **t: q if r else s\n",
	"comprehension": "a = [x * y for x in range(3) if x if not x for y in (1, 2)]\nb = {x for x in y}\nc = {k: v for k, v in d.items() if (v if k else 0)}\nd = list(x for x in z)\ne = sum((x for x in z), 0)\n",
	"calls":         "f(a, b, c=1, *d, **e)\nf(*d, c=1)\nf(c=1, *d)\nf(**e)\nf(x for x in y)\nf()(1)[2].g\n(1).real\n-1 .real\n",
	"subscripts":    "a[1]\na[1:2]\na[::2]\na[:, 1]\na[1:2, ::3]\na[...]\na[(1, 2)]\na[1:2,]\ndel a[0], b.c\n",
	"literals":      "s = 'q\\'uo\"te\\\\ \\n\\t\\x00\\x7f é \\u2028 \\U0001f600'\nb = b'\\x00\\xff\\'\"'\nn = (0, 7, 0x1f, 0o17, 0b101, 123456789012345678901234567890, 1.5, 1e100, 1e-7, 2.0, 1e999, 3j, 1.5j)\ne = (..., None, True, False)\nc = 'implicit' 'concatenation'\n",
	"strings split": "x = ('a'\n     'b'\n     'c')\ny = '''multi\nline'''\nz = 1\n",
	"functions":     "@dec\n@dec2(1, k=2)\ndef f(a, b: int = 1, *args, c, d: 'x' = 2, **kw) -> 'r':\n    'doc'\n    global g\n    return a\ndef g(*, a): pass\ndef h(a, b=2): yield a; yield from b\n",
	"nonlocal":      "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
	"classes":       "class A: pass\nclass B(A, metaclass=M, *bases, **kw):\n    x = 1\n    def m(self):\n        return super().m()\n",
	"statements":    "import a, b.c as d\nfrom . import x\nfrom ..y import (z as w, v)\nfrom m import *\nassert a, 'msg'\nraise X from Y\nx += 1; y //= 2; z **= 3\n(a, *b) = c\n[d, e] = f = g\n",
	"control flow":  "for i, j in x:\n    if i: continue\n    elif j:\n        break\n    else: pass\nelse:\n    y = 1\nwhile x:\n    pass\nelse: z = 2\nwith a as b, c:\n    pass\nwith d as (e, f): pass\n",
	"try":           "try:\n    a()\nexcept (A, B) as e:\n    b()\nexcept C:\n    pass\nexcept:\n    raise\nelse:\n    c()\nfinally:\n    d()\ntry: e()\nfinally: f()\n",
	"layout":        "x = f(1,\n      2,\n      key=3)\ny = [\n    1,\n\n    2,\n]\nif (a and\n        b):\n    pass\nz = a + \\\n    b\n\n\n# comment\nw = {\n  1: 2,\n}\n",
	"yield forms":   "def g():\n    x = yield\n    y = yield 1\n    z = (yield 2) + 1\n    yield a, b\n",
	"elif chain":    "if a:\n    pass\nelif b:\n    pass\nelif c: pass\nelse:\n    if d:\n        pass\n",
}

func TestPrinterRoundTrip(t *testing.T) {
	for name, src := range printerCases {
		t.Run(name, func(t *testing.T) {
			if err := checkRoundTrip(src, name+".py"); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestPrinterCorpus round-trips every Python file gpython's module ships
// (its test suites), plus the files under $GOWSGI_PY_CORPUS if set (a
// directory such as /usr/lib/python3.11). Files gpython cannot compile
// are skipped.
func TestPrinterCorpus(t *testing.T) {
	roots := []string{gpythonModuleDir(t)}
	if extra := os.Getenv("GOWSGI_PY_CORPUS"); extra != "" {
		roots = append(roots, filepath.SplitList(extra)...)
	}
	checked := 0
	for _, root := range roots {
		err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || !strings.HasSuffix(path, ".py") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if _, err := safeCompile(gpythonCompile, string(src), path); err != nil {
				return nil // not gpython's Python
			}
			if err := checkRoundTrip(string(src), path); err != nil {
				t.Error(err)
			}
			if err := checkRewriteCompiles(string(src), path); err != nil {
				t.Error(err)
			}
			checked++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked == 0 {
		t.Fatal("no Python files found")
	}
	t.Logf("%d files round-trip", checked)
}

// gpythonModuleDir finds gpython's source tree from where its code was
// compiled.
func gpythonModuleDir(t *testing.T) string {
	t.Helper()
	file, _ := runtime.FuncForPC(reflect.ValueOf(parser.Parse).Pointer()).FileLine(0)
	dir := filepath.Dir(filepath.Dir(file))
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Skipf("gpython sources not found next to %s", file)
	}
	return dir
}

// checkRoundTrip prints src unchanged and compares what gpython compiles
// from both.
func checkRoundTrip(src, filename string) error {
	want, err := safeCompile(gpythonCompile, src, filename)
	if err != nil {
		return fmt.Errorf("%s: original does not compile: %v", filename, err)
	}
	mod, err := parser.Parse(bytes.NewBufferString(src), filename, py.ExecMode)
	if err != nil {
		return fmt.Errorf("%s: %v", filename, err)
	}
	printed, _, err := printModule(mod)
	if err != nil {
		return fmt.Errorf("%s: %v", filename, err)
	}
	got, err := safeCompile(gpythonCompile, printed, filename)
	if err != nil {
		return fmt.Errorf("%s: printed source does not compile: %v\n%s", filename, err, printed)
	}
	if diff := diffCode(want, got, filename); diff != "" {
		return fmt.Errorf("%s\nprinted:\n%s", diff, printed)
	}
	return nil
}

// checkRewriteCompiles rewrites src and compiles it; the line map must
// never go backwards.
func checkRewriteCompiles(src, filename string) error {
	printed, lines, err := rewriteAST(src, filename, py.ExecMode)
	if err != nil {
		return fmt.Errorf("%s: rewrite: %v", filename, err)
	}
	if _, err := safeCompile(gpythonCompile, printed, filename); err != nil {
		return fmt.Errorf("%s: rewritten source does not compile: %v", filename, err)
	}
	for n := 2; n < len(lines); n++ {
		if lines[n] < lines[n-1] {
			return fmt.Errorf("%s: line map goes back at output line %d", filename, n)
		}
	}
	return nil
}

func safeCompile(fn func(string, string, py.CompileMode, int, bool) (*py.Code, error), src, filename string) (code *py.Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("compiler panicked: %v", r)
		}
	}()
	return fn(src, filename, py.ExecMode, 0, true)
}

// diffCode describes the first difference between two code objects.
func diffCode(a, b *py.Code, path string) string {
	if a.Code != b.Code {
		return path + ": bytecode differs"
	}
	if a.Lnotab != b.Lnotab || a.Firstlineno != b.Firstlineno {
		return fmt.Sprintf("%s: line tables differ: %v vs %v", path, lineTable(a), lineTable(b))
	}
	attrs := func(c *py.Code) string {
		return fmt.Sprint(c.Names, c.Varnames, c.Freevars, c.Cellvars, c.Argcount, c.Kwonlyargcount, c.Flags, c.Name, c.Stacksize, c.Nlocals)
	}
	if attrs(a) != attrs(b) {
		return fmt.Sprintf("%s: attributes differ: %s vs %s", path, attrs(a), attrs(b))
	}
	if len(a.Consts) != len(b.Consts) {
		return path + ": constants differ in number"
	}
	for i := range a.Consts {
		ca, nestedA := a.Consts[i].(*py.Code)
		cb, nestedB := b.Consts[i].(*py.Code)
		switch {
		case nestedA && nestedB:
			if d := diffCode(ca, cb, path+"/"+ca.Name); d != "" {
				return d
			}
		case fmt.Sprintf("%T %#v", a.Consts[i], a.Consts[i]) != fmt.Sprintf("%T %#v", b.Consts[i], b.Consts[i]):
			return fmt.Sprintf("%s: constant %d differs: %#v vs %#v", path, i, a.Consts[i], b.Consts[i])
		}
	}
	return ""
}

// lineTable decodes a line table into (address, line) pairs.
func lineTable(c *py.Code) [][2]int {
	var out [][2]int
	addr, line := 0, int(c.Firstlineno)
	for i := 0; i+1 < len(c.Lnotab); i += 2 {
		addr += int(c.Lnotab[i])
		line += int(c.Lnotab[i+1])
		out = append(out, [2]int{addr, line})
	}
	return out
}
