package pyext

import (
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// gpython keeps a str as UTF-8 while Python positions count code points;
// these helpers translate between the two.

// runeLen is len(s) in Python terms.
func runeLen(s string) int {
	return utf8.RuneCountInString(s)
}

// byteOffset is where code point i starts in s (len(s) past the end).
func byteOffset(s string, i int) int {
	if i <= 0 {
		return 0
	}
	n := 0
	for off := range s {
		if n == i {
			return off
		}
		n++
	}
	return len(s)
}

// isASCII reports whether byte and code point positions coincide.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// span is s[start:end] in code points, with the byte offset of its start.
func span(s string, start, end int) (string, int) {
	if start >= end {
		return "", 0
	}
	if isASCII(s) {
		return s[start:end], start
	}
	b0 := byteOffset(s, start)
	b1 := b0 + byteOffset(s[b0:], end-start)
	return s[b0:b1], b0
}

// strArg requires a str argument.
func strArg(o py.Object) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "must be str, not %s", typeName(o))
	}
	return string(s), nil
}

// optStrArg is strArg with None meaning absent.
func optStrArg(o py.Object) (string, bool, error) {
	if o == nil || o == py.None {
		return "", false, nil
	}
	s, ok := o.(py.String)
	if !ok {
		return "", false, py.ExceptionNewf(py.TypeError, "must be str or None, not %s", typeName(o))
	}
	return string(s), true, nil
}
