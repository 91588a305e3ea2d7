package gpython

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// eval runs one expression in a fresh context.
func eval(t *testing.T, expr string) (py.Object, error) {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	code, err := py.Compile(expr, "<test>", py.EvalMode, 0, true)
	if err != nil {
		t.Fatalf("compile %q: %v", expr, err)
	}
	globals := py.NewStringDict()
	return ctx.RunCode(code, globals, globals, nil)
}

func TestCompat(t *testing.T) {
	cases := []struct {
		expr    string
		want    py.Object
		wantErr string // exception type name, then a message fragment
	}{
		// str.join
		{expr: `", ".join(["a", "b", "c"])`, want: py.String("a, b, c")},
		{expr: `"".join([])`, want: py.String("")},
		{expr: `"-".join(("x",))`, want: py.String("x")},
		{expr: `"-".join(c for c in "abc")`, want: py.String("a-b-c")},
		{expr: `"-".join("abc")`, want: py.String("a-b-c")},
		{expr: `",".join(["a", 1])`, wantErr: "TypeError: sequence item 1: expected str instance, int found"},
		{expr: `",".join(5)`, wantErr: "TypeError"},

		// str.encode
		{expr: `"h\xe9llo".encode()`, want: py.Bytes("h\xc3\xa9llo")},
		{expr: `"h\xe9llo".encode("utf-8")`, want: py.Bytes("h\xc3\xa9llo")},
		{expr: `"h\xe9llo".encode("UTF8")`, want: py.Bytes("h\xc3\xa9llo")},
		{expr: `"h\xe9llo".encode("latin-1")`, want: py.Bytes("h\xe9llo")},
		{expr: `"h\xe9llo".encode(encoding="iso-8859-1")`, want: py.Bytes("h\xe9llo")},
		{expr: `"plain".encode("ascii")`, want: py.Bytes("plain")},
		{expr: `"\u20ac".encode("latin-1")`, wantErr: `UnicodeEncodeError: 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256)`},
		{expr: `"ab\xe9".encode("ascii")`, wantErr: `UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 2: ordinal not in range(128)`},
		{expr: `"x".encode("ebcdic")`, wantErr: "LookupError: unknown encoding: ebcdic"},
		{expr: `"x".encode("utf-8", "replace")`, wantErr: "LookupError"},
		{expr: `"x".encode("utf-8", errors="strict")`, want: py.Bytes("x")},
		{expr: `"x".encode(1)`, wantErr: "TypeError"},

		// bytes.decode
		{expr: `b"h\xc3\xa9llo".decode()`, want: py.String("h\u00e9llo")},
		{expr: `b"h\xe9llo".decode("latin1")`, want: py.String("h\u00e9llo")},
		{expr: `b"ok".decode("ascii")`, want: py.String("ok")},
		{expr: `b"\xff".decode("utf-8")`, wantErr: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
		{expr: `b"a\xc3".decode()`, wantErr: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"},
		{expr: `b"\xc3(".decode()`, wantErr: "invalid continuation byte"},
		{expr: `b"\x80".decode("ascii")`, wantErr: "UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)"},
		{expr: `b"\xff".decode("utf-8", "ignore")`, wantErr: "LookupError"},

		// round trips
		{expr: `"\u00e9t\u00e9 \u2603".encode("utf-8").decode("utf-8")`, want: py.String("\u00e9t\u00e9 \u2603")},
		{expr: `"caf\xe9".encode("latin-1").decode("utf-8", "strict")`, wantErr: "UnicodeDecodeError"},

		// len
		{expr: `len(b"")`, want: py.Int(0)},
		{expr: `len(b"abc")`, want: py.Int(3)},
		{expr: `len("h\xe9llo".encode())`, want: py.Int(6)},
		{expr: `len("h\xe9llo")`, want: py.Int(5)},
		{expr: `len([1, 2])`, want: py.Int(2)},
		{expr: `len(5)`, wantErr: "TypeError: object of type 'int' has no len()"},
	}
	for _, tc := range cases {
		t.Run(tc.expr, func(t *testing.T) {
			got, err := eval(t, tc.expr)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("got %v, want %s", got, tc.wantErr)
				}
				if msg := describe(err, "<test>").Error(); !strings.Contains(msg, tc.wantErr) {
					t.Fatalf("error %q does not contain %q", msg, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			eq, err := py.Eq(got, tc.want)
			if err != nil || eq != py.True || got.Type() != tc.want.Type() {
				t.Fatalf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestCompatKeepsExistingMethods(t *testing.T) {
	before := py.StringType.Dict["split"]
	addMethod(py.StringType, "split", strJoin, "")
	if py.StringType.Dict["split"] != before {
		t.Fatal("addMethod replaced a method gpython already has")
	}
}
