package pyext

import "testing"

func TestBytesMethods(t *testing.T) {
	runEvalCases(t, []evalCase{
		{expr: `b"a,b".split(b",")`, want: "[b'a', b'b']"},
		{expr: `b"k=v=w".partition(b"=")`, want: "(b'k', b'=', b'v=w')"},
		{expr: `b"k=v=w".rpartition(b"=")`, want: "(b'k=v', b'=', b'w')"},
		{expr: `b"kvw".partition(b"=")`, want: "(b'kvw', b'', b'')"},
		{expr: `b"kvw".rpartition(b"=")`, want: "(b'', b'', b'kvw')"},
		{expr: `b"k".partition(b"")`, wantErr: "ValueError: empty separator"},
		{expr: `b"aXbXc".replace(b"X", b"--")`, want: "b'a--b--c'"},
		{expr: `b"aXbXc".replace(b"X", b"", 1)`, want: "b'abXc'"},
		{expr: `b"a".replace("a", b"b")`, wantErr: "TypeError: a bytes-like object is required, not 'str'"},
		{expr: `b" a  b ".split()`, want: "[b'a', b'b']"},
		{expr: `b"a b c".rsplit(None, 1)`, want: "[b'a b', b'c']"},
		{expr: `b"a\xa0b".split()`, want: `[b'a\xa0b']`},
		{expr: `b"abc".find(b"c")`, want: "2"},
		{expr: `b"abc".find(99)`, want: "2"},
		{expr: `b"abc".find(256)`, wantErr: "ValueError: byte must be in range(0, 256)"},
		{expr: `b"abc".rfind(b"")`, want: "3"},
		{expr: `b"abc".index(b"x")`, wantErr: "ValueError: subsection not found"},
		{expr: `b"abcb".count(b"b", 2)`, want: "1"},
		{expr: `b"abc".startswith((b"x", b"a"))`, want: "True"},
		{expr: `b"abc".endswith(b"c", 0, 2)`, want: "False"},
		{expr: `b"\t x \n".strip()`, want: "b'x'"},
		{expr: `b"xxaxx".lstrip(b"x")`, want: "b'axx'"},
		{expr: `b"aB\xe9".upper()`, want: `b'AB\xe9'`},
		{expr: `b"\x01\xab".hex()`, want: "'01ab'"},
		{expr: `b"\x01\xab\xcd".hex("-", 2)`, want: "'01-abcd'"},
		{expr: `b"\x01\xab\xcd".hex("-", -2)`, want: "'01ab-cd'"},
		{expr: `bytes.fromhex("01 AB")`, want: `b'\x01\xab'`},
		{expr: `bytes.fromhex("1")`, wantErr: "ValueError: non-hexadecimal number found in fromhex() arg at position 1"},
		{expr: `b"-".join([b"a", b"b"])`, want: "b'a-b'"},
		{expr: `b"".join(["a"])`, wantErr: "TypeError: sequence item 0: expected a bytes-like object, str found"},
		{expr: `b"a".split("a")`, wantErr: "TypeError: a bytes-like object is required, not 'str'"},
		{expr: `bytes.upper(b"a")`, want: "b'A'"},
	})
}

// Results must not share memory with their source: gpython's bytes +=
// appends in place when the array has room.
func TestBytesResultsDoNotAlias(t *testing.T) {
	src := `
data = b"xxabcxx"
part = data.strip(b"x")
part += b"!"
print(data, part)
`
	got, err := runScript(t, src, "<alias>")
	if err != nil {
		t.Fatal(exceptionText(err))
	}
	if want := "b'xxabcxx' b'abc!'\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
