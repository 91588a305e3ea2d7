package pymod

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func TestStringIOLines(t *testing.T) {
	cases := []struct {
		newline, text string
		want          []string
	}{
		{"\n", "a\nb\r\nc\rd", []string{"a\n", "b\r\n", "c\rd"}},
		{"", "a\nb\r\nc\rd", []string{"a\n", "b\r\n", "c\r", "d"}},
		{"\r", "a\rb\nc", []string{"a\r", "b\nc"}},
		{"\r\n", "a\r\nb\rc\n", []string{"a\r\n", "b\rc\n"}},
	}
	for _, c := range cases {
		s := &stringIO{buf: []rune(c.text), newline: c.newline}
		var got []string
		for {
			line := string(s.readLine(-1).(py.String))
			if line == "" {
				break
			}
			got = append(got, line)
		}
		if len(got) != len(c.want) {
			t.Errorf("newline %q: lines %q, want %q", c.newline, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("newline %q: lines %q, want %q", c.newline, got, c.want)
				break
			}
		}
	}
}

func TestIOModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "stringio round trip", setup: "import io\ns = io.StringIO()\ns.write('héllo\\nworld')\ns.seek(0)", expr: `[s.readline(), s.read(), s.tell()]`, want: "['héllo\\n', 'world', 11]"},
		{name: "stringio iteration", setup: "import io", expr: `[line for line in io.StringIO("a\nb\n")]`, want: "['a\\n', 'b\\n']"},
		{name: "stringio with", setup: "import io\nwith io.StringIO('x') as f:\n    v = f.read()", expr: `[v, f.closed]`, want: "['x', True]"},
		{name: "closed stringio", setup: "import io\nf = io.StringIO()\nf.close()", expr: `f.read()`, wantErr: "I/O operation on closed file"},
		{name: "bytesio", setup: "import io\nb = io.BytesIO(b'ab\\ncd')", expr: `[b.readline(), b.read(1), b.getvalue()]`, want: "[b'ab\\n', b'c', b'ab\\ncd']"},
		{name: "bytesio seek past end", setup: "import io\nb = io.BytesIO()\nb.seek(3)\nb.write(b'x')", expr: `b.getvalue()`, want: `b'\x00\x00\x00x'`},
		{name: "bytesio refuses str", setup: "import io", expr: `io.BytesIO().write("x")`, wantErr: "a bytes-like object is required, not 'str'"},
		{name: "stringio refuses bytes", setup: "import io", expr: `io.StringIO().write(b"x")`, wantErr: "string argument expected, got 'bytes'"},
		{name: "nonzero relative seek", setup: "import io", expr: `io.StringIO("x").seek(1, 1)`, wantErr: "Can't do nonzero cur-relative seeks"},
	})
}
