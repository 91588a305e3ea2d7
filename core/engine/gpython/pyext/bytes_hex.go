package pyext

import (
	"encoding/hex"
	"strings"

	"github.com/go-python/gpython/py"
)

// bytesHex is B.hex([sep[, bytes_per_sep]]): groups of bytes_per_sep
// bytes counted from the right, or from the left when negative.
func bytesHex(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var sepObj, perObj py.Object = py.None, py.Int(1)
	if err := unpack("bytes.hex", args, kwargs, 0, []string{"sep", "bytes_per_sep"}, true, &sepObj, &perObj); err != nil {
		return nil, err
	}
	digits := hex.EncodeToString(b)
	if sepObj == py.None || len(b) == 0 {
		return py.String(digits), nil
	}
	var sep string
	switch s := sepObj.(type) {
	case py.String:
		sep = string(s)
	case py.Bytes:
		sep = string(s)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "sep must be str or bytes.")
	}
	if runeLen(sep) != 1 {
		return nil, py.ExceptionNewf(py.ValueError, "sep must be length 1.")
	}
	per, err := toInt(perObj)
	if err != nil {
		return nil, err
	}
	if per == 0 {
		return py.String(digits), nil
	}
	fromLeft := per < 0
	if fromLeft {
		per = -per
	}
	var groups []string
	n := len(b)
	first := n % per
	if fromLeft || first == 0 {
		first = min(per, n)
	}
	for i := 0; i < n; {
		size := per
		if i == 0 {
			size = first
		}
		end := min(i+size, n)
		groups = append(groups, digits[2*i:2*end])
		i = end
	}
	return py.String(strings.Join(groups, sep)), nil
}

// bytesFromhex is bytes.fromhex(string): pairs of hex digits, with
// whitespace allowed between them. It is reached through the type
// (bytes.fromhex) or an instance (b"".fromhex), like a classmethod.
func bytesFromhex(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var textObj py.Object
	if err := unpack("bytes.fromhex", args, kwargs, 1, []string{"string"}, false, &textObj); err != nil {
		return nil, err
	}
	text, ok := textObj.(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "fromhex() argument must be str, not %s", typeName(textObj))
	}
	s := string(text)
	out := []byte{}
	for i := 0; i < len(s); {
		if isASCIISpace(s[i]) {
			i++
			continue
		}
		hi, ok1 := hexValue(s, i)
		if !ok1 {
			return nil, py.ExceptionNewf(py.ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i)
		}
		lo, ok2 := hexValue(s, i+1)
		if !ok2 {
			return nil, py.ExceptionNewf(py.ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
		}
		out = append(out, hi<<4|lo)
		i += 2
	}
	return py.Bytes(out), nil
}

func hexValue(s string, i int) (byte, bool) {
	if i >= len(s) {
		return 0, false
	}
	return HexDigit(s[i])
}

// HexDigit is the value of one hexadecimal digit, either case.
func HexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
