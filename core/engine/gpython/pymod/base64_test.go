package pymod

import (
	"testing"

	"github.com/go-python/gpython/py"
)

func TestA2BBase64(t *testing.T) {
	cases := []struct {
		in      string
		strict  bool
		want    string
		wantErr string
	}{
		{in: "YWJj", want: "abc"},
		{in: "YQ==", want: "a"},
		{in: "Y Q = =", want: "a"},
		{in: "Y Q = =", strict: true, wantErr: "Only base64 data is allowed"},
		{in: "YQ==YQ==", want: "a"},
		{in: "YQ==YQ==", strict: true, wantErr: "Excess data after padding"},
		{in: "=YQ==", want: "a"},
		{in: "=YQ==", strict: true, wantErr: "Leading padding not allowed"},
		{in: "YW=J", wantErr: "Incorrect padding"},
		{in: "YW=J", strict: true, wantErr: "Discontinuous padding not allowed"},
		{in: "YWJjY", wantErr: "Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4"},
		{in: "YWJ", wantErr: "Incorrect padding"},
		{in: "", want: ""},
	}
	for _, c := range cases {
		got, err := a2bBase64([]byte(c.in), c.strict)
		switch {
		case c.wantErr != "":
			if err == nil || errText(err) != c.wantErr {
				t.Errorf("a2bBase64(%q, %v) = %v, %v; want error %q", c.in, c.strict, got, err, c.wantErr)
			}
		case err != nil:
			t.Errorf("a2bBase64(%q, %v): %v", c.in, c.strict, err)
		case string(got.(py.Bytes)) != c.want:
			t.Errorf("a2bBase64(%q, %v) = %v, want %q", c.in, c.strict, got, c.want)
		}
	}
}

func TestBase64Module(t *testing.T) {
	runCases(t, []pyCase{
		{name: "encode", setup: "import base64", expr: `base64.b64encode(b"\xfb\xff")`, want: "b'+/8='"},
		{name: "urlsafe", setup: "import base64", expr: `base64.urlsafe_b64encode(b"\xfb\xff")`, want: "b'-_8='"},
		{name: "decode str", setup: "import base64", expr: `base64.b64decode("Zm9v")`, want: "b'foo'"},
		{name: "binascii error is ValueError", setup: "import base64", expr: `base64.b64decode("YWJ")`, wantErr: "Incorrect padding"},
		{name: "b32", setup: "import base64", expr: `base64.b32decode(base64.b32encode(b"abcde1"))`, want: "b'abcde1'"},
		{name: "b16 lower refused", setup: "import base64", expr: `base64.b16decode("ab")`, wantErr: "Non-base16 digit found"},
		{name: "str to encode", setup: "import base64", expr: `base64.b64encode("x")`, wantErr: "a bytes-like object is required, not 'str'"},
		{name: "caught as ValueError", setup: "import base64\ntry:\n    base64.b64decode('Y')\n    ok = False\nexcept ValueError:\n    ok = True", expr: "ok", want: "True"},
	})
}
