package pyext

import "testing"

func TestCodecs(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `"h\xe9llo".encode()`, want: `b'h\xc3\xa9llo'`},
		{expr: `"h\xe9llo".encode("utf-8")`, want: `b'h\xc3\xa9llo'`},
		{expr: `"h\xe9llo".encode("UTF8")`, want: `b'h\xc3\xa9llo'`},
		{expr: `"h\xe9llo".encode("latin-1")`, want: `b'h\xe9llo'`},
		{expr: `"h\xe9llo".encode(encoding="iso-8859-1")`, want: `b'h\xe9llo'`},
		{expr: `"plain".encode("ascii")`, want: `b'plain'`},
		{expr: `"\u20ac".encode("latin-1")`, wantErr: `UnicodeEncodeError: 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256)`},
		{expr: `"ab\xe9".encode("ascii")`, wantErr: `UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 2: ordinal not in range(128)`},
		{expr: `"x".encode("ebcdic")`, wantErr: "LookupError: unknown encoding: ebcdic"},
		{expr: `"x".encode("utf-8", "replace")`, wantErr: "LookupError: encode(): unsupported error handler 'replace'"},
		{expr: `"x".encode("utf-8", errors="strict")`, want: `b'x'`},
		{expr: `"x".encode(1)`, wantErr: "TypeError: encode() argument 'encoding' must be str, not int"},
		{expr: `"x".encode(foo=1)`, wantErr: "TypeError: 'foo' is an invalid keyword argument for encode()"},

		{expr: `b"h\xc3\xa9llo".decode()`, want: `'h` + "\u00e9" + `llo'`},
		{expr: `b"h\xe9llo".decode("latin1")`, want: `'h` + "\u00e9" + `llo'`},
		{expr: `b"ok".decode("ascii")`, want: `'ok'`},
		{expr: `b"\xff".decode("utf-8")`, wantErr: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
		{expr: `b"a\xc3".decode()`, wantErr: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"},
		{expr: `b"\xc3(".decode()`, wantErr: "invalid continuation byte"},
		{expr: `b"\x80".decode("ascii")`, wantErr: "UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)"},
		{expr: `b"\xff".decode("utf-8", "ignore")`, wantErr: "LookupError"},
		{expr: `"\u00e9t\u00e9 \u2603".encode("utf-8").decode("utf-8") == "\u00e9t\u00e9 \u2603"`, want: "True"},
		{expr: `"caf\xe9".encode("latin-1").decode("utf-8", "strict")`, wantErr: "UnicodeDecodeError"},

		{expr: `str(b"caf\xc3\xa9", "utf-8") == "caf\u00e9"`, want: "True"},
		{expr: `str(b"x", errors="strict")`, want: `'x'`},
		{expr: `str(b"x")`, want: `"b'x'"`},
		{expr: `str(b"\xff", "ascii")`, wantErr: "UnicodeDecodeError"},
		{expr: `bytes("caf\u00e9", "latin-1")`, want: `b'caf\xe9'`},
		{expr: `bytes("x", encoding="ascii", errors="strict")`, want: `b'x'`},
		{expr: `bytes("x")`, wantErr: "TypeError: string argument without an encoding"},
		{expr: `bytes("x", "koi8-r")`, wantErr: "LookupError: unknown encoding: koi8-r"},
		{expr: `bytes([104, 105])`, want: `b'hi'`},
		{expr: `bytes(2)`, want: `b'\x00\x00'`},

		{expr: `len(b"")`, want: "0"},
		{expr: `len("h\xe9llo".encode())`, want: "6"},
		{expr: `len("h\xe9llo")`, want: "5"},
		{expr: `len(5)`, wantErr: "TypeError: object of type 'int' has no len()"},
	})
}
