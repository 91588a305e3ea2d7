package pymod

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/stdlib/binascii"
)

// base64: the RFC 4648 encodings. Decoding errors are binascii.Error, as
// in CPython, with CPython's messages; lenient decoding skips characters
// outside the alphabet the way binascii.a2b_base64 does.

func base64Module() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "base64", Doc: "Base16, Base32, Base64 (RFC 3548) data encodings"},
		Methods: []*py.Method{
			method("b64encode", base64Encode, "Encode the bytes-like object s using Base64 and return a bytes object."),
			method("b64decode", base64Decode, "Decode the Base64 encoded bytes-like object or ASCII string s."),
			method("standard_b64encode", base64StandardEncode, "Encode bytes-like object s using the standard Base64 alphabet."),
			method("standard_b64decode", base64StandardDecode, "Decode bytes encoded with the standard Base64 alphabet."),
			method("urlsafe_b64encode", base64URLSafeEncode, "Encode bytes using the URL- and filesystem-safe Base64 alphabet."),
			method("urlsafe_b64decode", base64URLSafeDecode, "Decode bytes using the URL- and filesystem-safe Base64 alphabet."),
			method("encodebytes", base64EncodeBytes, "Encode a bytestring into a bytes object containing multiple lines of base-64 data."),
			method("decodebytes", base64DecodeBytes, "Decode a bytestring of base-64 data into a bytes object."),
			method("b32encode", base32Encoder(base32.StdEncoding), "Encode the bytes-like objects using base32 and return a bytes object."),
			method("b32decode", base32Decoder(base32.StdEncoding, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), "Decode the base32 encoded bytes-like object or ASCII string s."),
			method("b32hexencode", base32Encoder(base32.HexEncoding), "Encode the bytes-like objects using base32hex and return a bytes object."),
			method("b32hexdecode", base32Decoder(base32.HexEncoding, "0123456789ABCDEFGHIJKLMNOPQRSTUV"), "Decode the base32hex encoded bytes-like object or ASCII string s."),
			method("b16encode", base16Encode, "Encode the bytes-like object s using Base16 and return a bytes object."),
			method("b16decode", base16Decode, "Decode the Base16 encoded bytes-like object or ASCII string s."),
		},
	}
}

func binasciiError(format string, args ...any) error {
	return py.ExceptionNewf(binascii.Error, format, args...)
}

// encodeInput takes the bytes-like argument of the encoders.
func encodeInput(o py.Object) ([]byte, error) {
	if b, ok := o.(py.Bytes); ok {
		return b, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", o.Type().Name)
}

// decodeInput takes bytes or an ASCII str, as the decoders do.
func decodeInput(o py.Object) ([]byte, error) {
	switch v := o.(type) {
	case py.Bytes:
		return v, nil
	case py.String:
		for i := 0; i < len(v); i++ {
			if v[i] >= 0x80 {
				return nil, py.ExceptionNewf(py.ValueError, "string argument should contain only ASCII characters")
			}
		}
		return []byte(v), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "argument should be a bytes-like object or ASCII string, not '%s'", o.Type().Name)
}

// altChars reads the two replacement characters for + and /.
func altChars(o py.Object) ([]byte, error) {
	if o == nil || o == py.None {
		return nil, nil
	}
	b, err := decodeInput(o)
	if err != nil {
		return nil, err
	}
	if len(b) != 2 {
		return nil, py.ExceptionNewf(py.AssertionError, "altchars must be 2 characters, got %d", len(b))
	}
	return b, nil
}

func translate(b []byte, from, to string) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if j := strings.IndexByte(from, c); j >= 0 {
			c = to[j]
		}
		out[i] = c
	}
	return out
}

func base64Encode(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s, alt py.Object
	if err := parseArgs("b64encode", args, kwargs, []string{"s", "altchars"}, 1, &s, &alt); err != nil {
		return nil, err
	}
	data, err := encodeInput(s)
	if err != nil {
		return nil, err
	}
	chars, err := altChars(alt)
	if err != nil {
		return nil, err
	}
	out := []byte(base64.StdEncoding.EncodeToString(data))
	if chars != nil {
		out = translate(out, "+/", string(chars))
	}
	return py.Bytes(out), nil
}

func base64Decode(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s, alt py.Object
	var validate py.Object = py.False
	if err := parseArgs("b64decode", args, kwargs, []string{"s", "altchars", "validate"}, 1, &s, &alt, &validate); err != nil {
		return nil, err
	}
	data, err := decodeInput(s)
	if err != nil {
		return nil, err
	}
	chars, err := altChars(alt)
	if err != nil {
		return nil, err
	}
	if chars != nil {
		data = translate(data, string(chars), "+/")
	}
	strict, err := truth(validate)
	if err != nil {
		return nil, err
	}
	return a2bBase64(data, strict)
}

func base64StandardEncode(self py.Object, s py.Object) (py.Object, error) {
	return base64Encode(self, py.Tuple{s}, nil)
}

func base64StandardDecode(self py.Object, s py.Object) (py.Object, error) {
	return base64Decode(self, py.Tuple{s}, nil)
}

func base64URLSafeEncode(self py.Object, s py.Object) (py.Object, error) {
	return base64Encode(self, py.Tuple{s, py.Bytes("-_")}, nil)
}

func base64URLSafeDecode(self py.Object, s py.Object) (py.Object, error) {
	data, err := decodeInput(s)
	if err != nil {
		return nil, err
	}
	return a2bBase64(translate(data, "-_", "+/"), false)
}

func base64EncodeBytes(self py.Object, s py.Object) (py.Object, error) {
	data, err := encodeInput(s)
	if err != nil {
		return nil, err
	}
	var out []byte
	for len(data) > 0 {
		chunk := data[:min(57, len(data))]
		data = data[len(chunk):]
		out = append(out, base64.StdEncoding.EncodeToString(chunk)...)
		out = append(out, '\n')
	}
	return py.Bytes(out), nil
}

func base64DecodeBytes(self py.Object, s py.Object) (py.Object, error) {
	data, err := encodeInput(s)
	if err != nil {
		return nil, err
	}
	return a2bBase64(data, false)
}

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// a2bBase64 decodes as binascii.a2b_base64: leniently, skipping
// characters outside the alphabet and stopping at complete padding; or in
// strict mode (b64decode's validate=True), refusing anything irregular.
func a2bBase64(data []byte, strict bool) (py.Object, error) {
	if strict && len(data) > 0 && data[0] == '=' {
		return nil, binasciiError("Leading padding not allowed")
	}
	out := make([]byte, 0, len(data)*3/4)
	var acc uint32
	quad, pads, count := 0, 0, 0
	padding := false
	for i, c := range data {
		if c == '=' {
			padding = true
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, binasciiError("Excess data after padding")
					}
					return py.Bytes(out), nil
				}
			}
			continue
		}
		v := strings.IndexByte(base64Alphabet, c)
		if v < 0 {
			if strict {
				return nil, binasciiError("Only base64 data is allowed")
			}
			continue
		}
		if strict && padding {
			return nil, binasciiError("Discontinuous padding not allowed")
		}
		pads = 0
		count++
		acc = acc<<6 | uint32(v)
		quad++
		switch quad {
		case 2:
			out = append(out, byte(acc>>4))
		case 3:
			out = append(out, byte(acc>>2))
		case 4:
			out = append(out, byte(acc))
			quad, acc = 0, 0
		}
	}
	switch quad {
	case 0:
		return py.Bytes(out), nil
	case 1:
		return nil, binasciiError("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", count)
	}
	return nil, binasciiError("Incorrect padding")
}

func base32Encoder(enc *base32.Encoding) func(py.Object, py.Object) (py.Object, error) {
	return func(self py.Object, s py.Object) (py.Object, error) {
		data, err := encodeInput(s)
		if err != nil {
			return nil, err
		}
		return py.Bytes(enc.EncodeToString(data)), nil
	}
}

// base32Decoder checks the input as CPython's b32decode does before
// handing it to Go's decoder.
func base32Decoder(enc *base32.Encoding, alphabet string) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		var s py.Object
		var casefold, map01 py.Object = py.False, py.None
		if err := parseArgs("b32decode", args, kwargs, []string{"s", "casefold", "map01"}, 1, &s, &casefold, &map01); err != nil {
			return nil, err
		}
		data, err := decodeInput(s)
		if err != nil {
			return nil, err
		}
		if len(data)%8 != 0 {
			return nil, binasciiError("Incorrect padding")
		}
		if map01 != py.None && alphabet[0] == 'A' {
			m, err := decodeInput(map01)
			if err != nil {
				return nil, err
			}
			if len(m) != 1 {
				return nil, py.ExceptionNewf(py.AssertionError, "map01 must be 1 character")
			}
			data = translate(data, "01", "O"+string(m))
		}
		if fold, err := truth(casefold); err != nil {
			return nil, err
		} else if fold {
			data = []byte(strings.ToUpper(string(data)))
		}
		body := strings.TrimRight(string(data), "=")
		switch len(data) - len(body) {
		case 0, 1, 3, 4, 6:
		default:
			return nil, binasciiError("Incorrect padding")
		}
		for i := 0; i < len(body); i++ {
			if strings.IndexByte(alphabet, body[i]) < 0 {
				return nil, binasciiError("Non-base32 digit found")
			}
		}
		out, err := enc.DecodeString(string(data))
		if err != nil {
			return nil, binasciiError("Incorrect padding")
		}
		return py.Bytes(out), nil
	}
}

func base16Encode(self py.Object, s py.Object) (py.Object, error) {
	data, err := encodeInput(s)
	if err != nil {
		return nil, err
	}
	return py.Bytes(strings.ToUpper(hex.EncodeToString(data))), nil
}

func base16Decode(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s py.Object
	var casefold py.Object = py.False
	if err := parseArgs("b16decode", args, kwargs, []string{"s", "casefold"}, 1, &s, &casefold); err != nil {
		return nil, err
	}
	data, err := decodeInput(s)
	if err != nil {
		return nil, err
	}
	text := string(data)
	if fold, err := truth(casefold); err != nil {
		return nil, err
	} else if fold {
		text = strings.ToUpper(text)
	}
	for i := 0; i < len(text); i++ {
		if strings.IndexByte("0123456789ABCDEF", text[i]) < 0 {
			return nil, binasciiError("Non-base16 digit found")
		}
	}
	if len(text)%2 != 0 {
		return nil, binasciiError("Odd-length string")
	}
	out, err := hex.DecodeString(text)
	if err != nil {
		return nil, binasciiError("Non-base16 digit found")
	}
	return py.Bytes(out), nil
}
