package gpython

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestExceptionMessage(t *testing.T) {
	cases := []struct {
		name  string
		value py.Object
		want  string
	}{
		{name: "one arg", value: py.ExceptionNewf(py.ValueError, "bad value"), want: "ValueError: bad value"},
		{name: "key error shows repr", value: &py.Exception{Base: py.KeyError, Args: py.Tuple{py.String("k")}}, want: "KeyError: 'k'"},
		{name: "key error already a repr", value: py.ExceptionNewf(py.KeyError, "'k'"), want: "KeyError: 'k'"},
		{name: "key error keeps its key", value: &py.Exception{Base: py.KeyError, Args: py.Tuple{py.String("5")},
			Dict: py.StringDict{"key": py.Int(5)}}, want: "KeyError: 5"},
		{name: "empty args", value: &py.Exception{Base: py.StopIteration, Args: py.Tuple{}}, want: "StopIteration"},
		{name: "several args", value: &py.Exception{Base: py.OSError, Args: py.Tuple{py.Int(2), py.String("gone")}}, want: "OSError: (2, 'gone')"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := exceptionMessage(tc.value); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFormatTraceback(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "mod.py", "def f(n):\n    return f(n + 1)\n")
	f := frameInfo{file: file, function: "f", line: 2}
	top := frameInfo{file: file, function: "<module>", line: 1}
	cases := []struct {
		name   string
		frames []frameInfo
		want   []string
		absent []string
	}{
		{name: "empty", frames: nil},
		{
			name:   "source lines",
			frames: []frameInfo{top, f},
			want:   []string{"Traceback (most recent call last):\n", `line 1, in <module>` + "\n    def f(n):\n", "line 2, in f\n    return f(n + 1)\n"},
		},
		{
			name:   "repeats summarised",
			frames: append([]frameInfo{top}, repeat(f, 10)...),
			want:   []string{"  [Previous line repeated 7 more times]\n"},
		},
		{
			name:   "three repeats shown in full",
			frames: repeat(f, 3),
			absent: []string{"Previous line repeated"},
		},
		{
			name:   "unreadable source",
			frames: []frameInfo{{file: dir + "/absent.py", function: "g", line: 4}},
			want:   []string{"line 4, in g\n"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := formatTraceback(tc.frames)
			if tc.frames == nil && got != "" {
				t.Fatalf("got %q for no frames", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, a := range tc.absent {
				if strings.Contains(got, a) {
					t.Errorf("unexpected %q in:\n%s", a, got)
				}
			}
			if n := strings.Count(got, "line 2, in f"); len(tc.frames) > repeatsShown && n > repeatsShown {
				t.Errorf("%d repeated frames printed", n)
			}
		})
	}
}

func repeat(f frameInfo, n int) []frameInfo {
	out := make([]frameInfo, n)
	for i := range out {
		out[i] = f
	}
	return out
}
