package pyext

import (
	"math"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestPercentFormat(t *testing.T) {
	mapping := py.StringDict{"name": py.String("Ada"), "n": py.Int(3)}
	tests := []struct {
		format  string
		args    py.Object
		want    string
		wantErr string
	}{
		{format: "%s", args: py.String("x"), want: "x"},
		{format: "%s-%s", args: py.Tuple{py.Int(1), py.Float(2.5)}, want: "1-2.5"},
		{format: "%s", args: py.Tuple{py.Tuple{py.Int(1)}}, want: "(1,)"},
		{format: "%r", args: py.String("x"), want: "'x'"},
		{format: "%a", args: py.String("\u00e9"), want: "'\\xe9'"},
		{format: "%d%%", args: py.Int(50), want: "50%"},
		{format: "%d", args: py.Float(-3.9), want: "-3"},
		{format: "%5d|%-5d|%05d", args: py.Tuple{py.Int(42), py.Int(42), py.Int(-42)}, want: "   42|42   |-0042"},
		{format: "%+d % d", args: py.Tuple{py.Int(1), py.Int(2)}, want: "+1  2"},
		{format: "%.3d", args: py.Int(7), want: "007"},
		{format: "%x %X %#x %o %#o", args: py.Tuple{py.Int(255), py.Int(255), py.Int(255), py.Int(8), py.Int(8)}, want: "ff FF 0xff 10 0o10"},
		{format: "%5.2f|%-8.3f|%08.2f", args: py.Tuple{py.Float(3.14159), py.Float(2), py.Float(-1.5)}, want: " 3.14|2.000   |-0001.50"},
		{format: "%e %.2E", args: py.Tuple{py.Float(12345.678), py.Float(0.000123)}, want: "1.234568e+04 1.23E-04"},
		{format: "%g %g %.3g", args: py.Tuple{py.Float(0.00001), py.Float(100000), py.Float(1234567)}, want: "1e-05 100000 1.23e+06"},
		{format: "%f %5f", args: py.Tuple{py.Float(math.Inf(1)), py.Float(math.NaN())}, want: "inf   nan"},
		{format: "%c%c", args: py.Tuple{py.Int(72), py.String("i")}, want: "Hi"},
		{format: "%.2s|%5s|%-5s|", args: py.Tuple{py.String("abc"), py.String("ab"), py.String("ab")}, want: "ab|   ab|ab   |"},
		{format: "%*d|%-*d|%.*f", args: py.Tuple{py.Int(4), py.Int(1), py.Int(4), py.Int(2), py.Int(1), py.Float(2.25)}, want: "   1|2   |2.2"},
		{format: "%(name)s has %(n)d", args: mapping, want: "Ada has 3"},
		{format: "%(n)05.1f", args: mapping, want: "003.0"},
		{format: "plain", args: mapping, want: "plain"},
		{format: "plain", args: py.Tuple{}, want: "plain"},
		{format: "%s %s", args: py.Tuple{py.Int(1)}, wantErr: "not enough arguments for format string"},
		{format: "%s", args: py.Tuple{py.Int(1), py.Int(2)}, wantErr: "not all arguments converted during string formatting"},
		{format: "%d", args: py.String("x"), wantErr: "%d format: a real number is required, not str"},
		{format: "%x", args: py.Float(1.5), wantErr: "%x format: an integer is required, not float"},
		{format: "%f", args: py.String("x"), wantErr: "must be real number, not str"},
		{format: "%y", args: py.Int(1), wantErr: "unsupported format character 'y' (0x79) at index 1"},
		{format: "100%", args: py.Tuple{}, wantErr: "incomplete format"},
		{format: "%(x)s", args: py.Tuple{py.Int(1)}, wantErr: "format requires a mapping"},
		{format: "%(x)s", args: mapping, wantErr: "'x'"},
		{format: "%c", args: py.String("ab"), wantErr: "%c requires int or char"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got, err := PercentFormat(tt.format, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(exceptionText(err), tt.wantErr) {
					t.Fatalf("got %q, %v; want error %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestModuloOfNumbers(t *testing.T) {
	got, err := Modulo(py.Int(-7), py.Int(3))
	if err != nil || got != py.Int(2) {
		t.Errorf("-7 %% 3 = %v, %v; want 2", got, err)
	}
}
