package pyext

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// codec is one of the encodings WSGI code needs: UTF-8 for bodies,
// Latin-1 for PEP 3333's "bytes in str", ASCII for headers.
type codec struct {
	name    string // as Python names it in error messages
	maxRune rune   // highest code point a single-byte codec can encode
}

var (
	utf8Codec   = codec{name: "utf-8"}
	latin1Codec = codec{name: "latin-1", maxRune: 0xff}
	asciiCodec  = codec{name: "ascii", maxRune: 0x7f}
)

// parseCodecArgs reads the (encoding='utf-8', errors='strict') arguments
// of str.encode and bytes.decode.
func parseCodecArgs(method string, args py.Tuple, kwargs py.StringDict) (codec, error) {
	var encoding, errorsMode py.Object = py.String("utf-8"), py.String("strict")
	if err := unpack(method, args, kwargs, 0, []string{"encoding", "errors"}, true, &encoding, &errorsMode); err != nil {
		return codec{}, err
	}
	return codecFor(method, encoding, errorsMode)
}

// codecFor checks an encoding and error handler given as Python objects.
func codecFor(method string, encoding, errorsMode py.Object) (codec, error) {
	name, ok := encoding.(py.String)
	if !ok {
		return codec{}, py.ExceptionNewf(py.TypeError, "%s() argument 'encoding' must be str, not %s", shortName(method), typeName(encoding))
	}
	mode, ok := errorsMode.(py.String)
	if !ok {
		return codec{}, py.ExceptionNewf(py.TypeError, "%s() argument 'errors' must be str, not %s", shortName(method), typeName(errorsMode))
	}
	if mode != "strict" {
		return codec{}, py.ExceptionNewf(py.LookupError, "%s(): unsupported error handler '%s' (only 'strict' is available)", shortName(method), string(mode))
	}
	return lookupCodec(string(name))
}

func lookupCodec(name string) (codec, error) {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-") {
	case "utf-8", "utf8", "u8":
		return utf8Codec, nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return latin1Codec, nil
	case "ascii", "us-ascii":
		return asciiCodec, nil
	}
	return codec{}, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", name)
}

// encode converts a str (held by gpython as UTF-8) to bytes.
func (c codec) encode(s string) (py.Object, error) {
	if c == utf8Codec {
		if i := InvalidUTF8At(s); i >= 0 {
			return nil, py.ExceptionNewf(py.UnicodeEncodeError,
				"'utf-8' codec can't encode byte 0x%02x at byte %d: the str holds invalid UTF-8", s[i], i)
		}
		return py.Bytes(s), nil
	}
	out := make(py.Bytes, 0, len(s))
	pos := 0
	for _, r := range s {
		if r > c.maxRune {
			return nil, py.ExceptionNewf(py.UnicodeEncodeError,
				"'%s' codec can't encode character %s in position %d: ordinal not in range(%d)", c.name, charRepr(r), pos, c.maxRune+1)
		}
		out = append(out, byte(r))
		pos++
	}
	return out, nil
}

// decode converts bytes to a str.
func (c codec) decode(b py.Bytes) (py.Object, error) {
	if c == utf8Codec {
		if i := InvalidUTF8At(string(b)); i >= 0 {
			return nil, py.ExceptionNewf(py.UnicodeDecodeError,
				"'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, utf8Problem(b[i:]))
		}
		return py.String(b), nil
	}
	var s strings.Builder
	s.Grow(len(b))
	for i, c8 := range b {
		if rune(c8) > c.maxRune {
			return nil, py.ExceptionNewf(py.UnicodeDecodeError,
				"'%s' codec can't decode byte 0x%02x in position %d: ordinal not in range(%d)", c.name, c8, i, c.maxRune+1)
		}
		s.WriteRune(rune(c8))
	}
	return py.String(s.String()), nil
}

// InvalidUTF8At is the byte offset of the first invalid sequence, or -1.
func InvalidUTF8At(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// utf8Problem names what is wrong with the sequence at the start of b, in
// CPython's words.
func utf8Problem(b []byte) string {
	lead := b[0]
	var need int
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		need = 2
	case lead >= 0xe0 && lead <= 0xef:
		need = 3
	case lead >= 0xf0 && lead <= 0xf4:
		need = 4
	default:
		return "invalid start byte"
	}
	for i := 1; i < need; i++ {
		if i >= len(b) {
			return "unexpected end of data"
		}
		if b[i]&0xc0 != 0x80 {
			return "invalid continuation byte"
		}
	}
	return "invalid continuation byte"
}

// charRepr writes a character the way CPython's error messages quote it.
func charRepr(r rune) string {
	switch {
	case r <= 0xff:
		return fmt.Sprintf(`'\x%02x'`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`'\u%04x'`, r)
	}
	return fmt.Sprintf(`'\U%08x'`, r)
}
