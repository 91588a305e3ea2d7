package pymod

import (
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// Percent-encoding for urllib.parse: quote, unquote and their variants.

const alwaysSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"

const upperHex = "0123456789ABCDEF"

// quoteBytes percent-encodes every byte that is not always safe or in safe.
func quoteBytes(b []byte, safe string) string {
	var out strings.Builder
	out.Grow(len(b))
	for _, c := range b {
		if strings.IndexByte(alwaysSafe, c) >= 0 || (c < 0x80 && strings.IndexByte(safe, c) >= 0) {
			out.WriteByte(c)
			continue
		}
		out.WriteByte('%')
		out.WriteByte(upperHex[c>>4])
		out.WriteByte(upperHex[c&0xf])
	}
	return out.String()
}

// quoteInput turns quote()'s argument into bytes: str as UTF-8 (the only
// encoding offered), bytes as they are.
func quoteInput(o py.Object, encoding, errors py.Object) ([]byte, error) {
	switch v := o.(type) {
	case py.String:
		if encoding != nil && encoding != py.None {
			enc, err := strArg(encoding, "encoding")
			if err != nil {
				return nil, err
			}
			if !isUTF8Name(enc) {
				return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s (only utf-8 is available)", enc)
			}
		}
		return []byte(v), nil
	case py.Bytes:
		if (encoding != nil && encoding != py.None) || (errors != nil && errors != py.None) {
			return nil, py.ExceptionNewf(py.TypeError, "quote() doesn't support 'encoding' for bytes")
		}
		return v, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "quote_from_bytes() expected bytes")
}

func isUTF8Name(name string) bool {
	switch strings.ReplaceAll(strings.ToLower(name), "_", "-") {
	case "utf-8", "utf8", "u8":
		return true
	}
	return false
}

// safeArg reads safe=, a str or bytes of ASCII characters.
func safeArg(o py.Object) (string, error) {
	switch v := o.(type) {
	case py.String:
		return string(v), nil
	case py.Bytes:
		return string(v), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "safe must be str or bytes, not %s", o.Type().Name)
}

func quoteArgs(fname string, defSafe string, args py.Tuple, kwargs py.StringDict) ([]byte, string, error) {
	var s py.Object
	var safe py.Object = py.String(defSafe)
	var encoding, errors py.Object = py.None, py.None
	if err := parseArgs(fname, args, kwargs, []string{"string", "safe", "encoding", "errors"}, 1, &s, &safe, &encoding, &errors); err != nil {
		return nil, "", err
	}
	b, err := quoteInput(s, encoding, errors)
	if err != nil {
		return nil, "", err
	}
	sf, err := safeArg(safe)
	return b, sf, err
}

func urlQuote(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	b, safe, err := quoteArgs("quote", "/", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(quoteBytes(b, safe)), nil
}

func urlQuotePlus(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	b, safe, err := quoteArgs("quote_plus", "", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(quotePlus(b, safe)), nil
}

func quotePlus(b []byte, safe string) string {
	if !strings.Contains(string(b), " ") {
		return quoteBytes(b, safe)
	}
	return strings.ReplaceAll(quoteBytes(b, safe+" "), " ", "+")
}

func urlQuoteFromBytes(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var bs py.Object
	var safe py.Object = py.String("/")
	if err := parseArgs("quote_from_bytes", args, kwargs, []string{"bs", "safe"}, 1, &bs, &safe); err != nil {
		return nil, err
	}
	b, ok := bs.(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "quote_from_bytes() expected bytes")
	}
	sf, err := safeArg(safe)
	if err != nil {
		return nil, err
	}
	return py.String(quoteBytes(b, sf)), nil
}

// unquoteToBytes decodes every valid %XX and keeps everything else.
func unquoteToBytes(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := pyext.HexDigit(s[i+1])
			lo, ok2 := pyext.HexDigit(s[i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return out
}

// unquote decodes %XX sequences as UTF-8, replacing invalid sequences
// the way Python's 'replace' error handler does.
func unquote(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return decodeUTF8Replace(unquoteToBytes(s))
}

// decodeUTF8Replace decodes UTF-8, putting one U+FFFD for each maximal
// ill-formed subsequence, as CPython does (Go's decoder would put one per
// byte).
func decodeUTF8Replace(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			out.WriteRune(r)
			i += size
			continue
		}
		out.WriteRune(utf8.RuneError)
		i += maximalSubpart(b[i:])
	}
	return out.String()
}

// maximalSubpart is how many bytes of an invalid sequence at the start of
// b form the longest prefix of some valid sequence (at least one).
func maximalSubpart(b []byte) int {
	lead := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		need = 2
	case lead >= 0xe0 && lead <= 0xef:
		need = 3
		if lead == 0xe0 {
			lo = 0xa0
		} else if lead == 0xed {
			hi = 0x9f
		}
	case lead >= 0xf0 && lead <= 0xf4:
		need = 4
		if lead == 0xf0 {
			lo = 0x90
		} else if lead == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1
	}
	n := 1
	for n < need && n < len(b) {
		c := b[n]
		if n == 1 && (c < lo || c > hi) || n > 1 && (c < 0x80 || c > 0xbf) {
			break
		}
		n++
	}
	return n
}

func unquoteArgs(fname string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s py.Object
	var encoding, errors py.Object = py.None, py.None
	if err := parseArgs(fname, args, kwargs, []string{"string", "encoding", "errors"}, 1, &s, &encoding, &errors); err != nil {
		return nil, err
	}
	if encoding != py.None {
		enc, err := strArg(encoding, "encoding")
		if err != nil {
			return nil, err
		}
		if !isUTF8Name(enc) {
			return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s (only utf-8 is available)", enc)
		}
	}
	return s, nil
}

func urlUnquote(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s, err := unquoteArgs("unquote", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch v := s.(type) {
	case py.String:
		return py.String(unquote(string(v))), nil
	case py.Bytes:
		return py.String(unquote(string(v))), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "Expected str, got %s", s.Type().Name)
}

func urlUnquotePlus(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s, err := unquoteArgs("unquote_plus", args, kwargs)
	if err != nil {
		return nil, err
	}
	text, err := strArg(s, "string")
	if err != nil {
		return nil, err
	}
	return py.String(unquote(strings.ReplaceAll(text, "+", " "))), nil
}

func urlUnquoteToBytes(self py.Object, s py.Object) (py.Object, error) {
	switch v := s.(type) {
	case py.String:
		return py.Bytes(unquoteToBytes(string(v))), nil
	case py.Bytes:
		return py.Bytes(unquoteToBytes(string(v))), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", s.Type().Name)
}
