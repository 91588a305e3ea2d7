package pyext

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestFloatRepr(t *testing.T) {
	cases := []struct {
		x    float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1.5, "1.5"},
		{2, "2.0"},
		{0.1, "0.1"},
		{1.0 / 3, "0.3333333333333333"},
		{1e16, "1e+16"},
		{1234567890123456, "1234567890123456.0"},
		{1e-4, "0.0001"},
		{1e-5, "1e-05"},
		{1.5e300, "1.5e+300"},
		{5e-324, "5e-324"},
		{-2.5e-7, "-2.5e-07"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
	}
	for _, tc := range cases {
		if got := floatRepr(tc.x); got != tc.want {
			t.Errorf("floatRepr(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

func TestGroup(t *testing.T) {
	cases := []struct {
		digits        string
		sep           byte
		size, minimum int
		want          string
	}{
		{"1", ',', 3, 0, "1"},
		{"123", ',', 3, 0, "123"},
		{"1234", ',', 3, 0, "1,234"},
		{"1234567", '_', 3, 0, "1_234_567"},
		{"4d2", '_', 4, 0, "4d2"},
		{"75bcd15", '_', 4, 0, "75b_cd15"},
		{"1234", ',', 3, 6, "01,234"},
		{"1234", ',', 3, 7, "001,234"},
		// a separator never leads: one more zero follows it
		{"1234", ',', 3, 8, "0,001,234"},
		{"4d2", '_', 4, 8, "000_04d2"},
	}
	for _, tc := range cases {
		if got := group(tc.digits, tc.sep, tc.size, tc.minimum); got != tc.want {
			t.Errorf("group(%q, %q, %d, %d) = %q, want %q", tc.digits, tc.sep, tc.size, tc.minimum, got, tc.want)
		}
	}
}

func TestParseSpec(t *testing.T) {
	cases := []struct {
		spec    string
		numeric bool
		want    formatSpec
		wantErr string
	}{
		{spec: "", numeric: true, want: formatSpec{fill: ' ', width: -1, precision: -1}},
		{spec: "*^+z#012_.3f", numeric: true, want: formatSpec{fill: '*', fillSet: true, align: '^', sign: '+', noNegZero: true, alternate: true, width: 12, grouping: '_', precision: 3, kind: 'f'}},
		{spec: "08", numeric: true, want: formatSpec{fill: '0', fillSet: true, align: '=', width: 8, precision: -1}},
		{spec: "08", numeric: false, want: formatSpec{fill: '0', fillSet: true, width: 8, precision: -1}},
		{spec: "<08", numeric: true, want: formatSpec{fill: '0', fillSet: true, align: '<', width: 8, precision: -1}},
		{spec: "\u00e9>5", numeric: false, want: formatSpec{fill: '\u00e9', fillSet: true, align: '>', width: 5, precision: -1}},
		{spec: "<<<", wantErr: "Unknown format code '<'"},
		{spec: "abc", wantErr: "Invalid format specifier 'abc' for object of type 'int'"},
		{spec: ".", wantErr: "Format specifier missing precision"},
		{spec: ",_", wantErr: "Cannot specify both ',' and '_'."},
		{spec: ",,", wantErr: "Cannot specify ',' with ','."},
		{spec: ",x", wantErr: "Cannot specify ',' with 'x'."},
		{spec: "_n", wantErr: "Cannot specify '_' with 'n'."},
		{spec: "99999999999", wantErr: "Too many decimal digits"},
	}
	for _, tc := range cases {
		f, err := parseSpec(tc.spec, "int", tc.numeric)
		if tc.wantErr != "" {
			if err == nil {
				// "<<<" parses; the unknown type is reported by the formatter.
				_, err = formatInt(big.NewInt(1), tc.spec, "int")
			}
			if err == nil || !strings.Contains(exceptionText(err), tc.wantErr) {
				t.Errorf("parseSpec(%q): error %v, want %q", tc.spec, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseSpec(%q): %s", tc.spec, exceptionText(err))
			continue
		}
		if f != tc.want {
			t.Errorf("parseSpec(%q) = %+v, want %+v", tc.spec, f, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	cases := []struct {
		value   py.Object
		spec    string
		want    string
		wantErr string
	}{
		{value: py.String("ab"), spec: "^6", want: "  ab  "},
		{value: py.String("abc"), spec: ".1", want: "a"},
		{value: py.String("ab"), spec: "=5", wantErr: "'=' alignment not allowed in string format specifier"},
		{value: py.Int(-1234), spec: "010,", want: "-0,001,234"},
		{value: py.Int(255), spec: "#010x", want: "0x000000ff"},
		{value: py.Int(65), spec: "c", want: "A"},
		{value: py.Int(5), spec: ".2", wantErr: "Precision not allowed in integer format specifier"},
		{value: (*py.BigInt)(huge), spec: ",", want: "123,456,789,012,345,678,901,234,567,890"},
		{value: (*py.BigInt)(huge), spec: "x", want: "18ee90ff6c373e0ee4e3f0ad2"},
		{value: (*py.BigInt)(huge), spec: ".3e", want: "1.235e+29"},
		{value: py.True, spec: "", want: "True"},
		{value: py.True, spec: "d", want: "1"},
		{value: py.True, spec: "s", wantErr: "Unknown format code 's' for object of type 'bool'"},
		{value: py.Float(2.675), spec: ".2f", want: "2.67"},
		{value: py.Float(0.5), spec: ".0f", want: "0"},
		{value: py.Float(1.5), spec: ".0f", want: "2"},
		{value: py.Float(1e16), spec: "", want: "1e+16"},
		{value: py.Float(12), spec: ".2", want: "1.2e+01"},
		{value: py.Float(12), spec: ".3", want: "12.0"},
		{value: py.Float(1), spec: "#g", want: "1.00000"},
		{value: py.Float(1234.5), spec: "012,.2f", want: "0,001,234.50"},
		{value: py.Float(math.Inf(-1)), spec: "010", want: "-000000inf"},
		{value: py.Float(math.NaN()), spec: "+F", want: "+NAN"},
		{value: py.Float(math.Copysign(0, -1)), spec: "z.1f", want: "0.0"},
		{value: py.Float(-0.001), spec: ".1f", want: "-0.0"},
		{value: py.Float(0.256), spec: ".1%", want: "25.6%"},
		{value: py.Float(1.5), spec: "d", wantErr: "Unknown format code 'd' for object of type 'float'"},
		{value: py.None, spec: "", want: "None"},
		{value: py.None, spec: ">5", wantErr: "unsupported format string passed to NoneType.__format__"},
		{value: py.Tuple{py.Int(1), py.String("a")}, spec: "", want: "(1, 'a')"},
	}
	for _, tc := range cases {
		got, err := Format(tc.value, tc.spec)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(exceptionText(err), tc.wantErr) {
				t.Errorf("Format(%s, %q): got %q, %v; want error %q", py.DebugRepr(tc.value), tc.spec, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Format(%s, %q): %s", py.DebugRepr(tc.value), tc.spec, exceptionText(err))
			continue
		}
		if string(got) != tc.want {
			t.Errorf("Format(%s, %q) = %q, want %q", py.DebugRepr(tc.value), tc.spec, got, tc.want)
		}
	}
}

func TestFormatCallsDunderFormat(t *testing.T) {
	src := `
class Temperature:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return str(self.c * 9 // 5 + 32) + "F"
        return str(self.c) + "C"

class Broken:
    def __format__(self, spec):
        return 42

print(format(Temperature(100)), format(Temperature(100), "F"), "{:F}|{}".format(Temperature(0), Temperature(5)))
try:
    format(Broken())
except TypeError as e:
    print("TypeError:", e)
`
	got, err := runScript(t, src, "<format>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	want := "100C 212F 32F|5C\nTypeError: __format__ must return a str, not int\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
