package rewrite

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// strLiteral writes s as a one-line Python str literal that gpython's
// lexer reads back to exactly s.
func strLiteral(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < utf8.RuneSelf || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// bytesLiteral writes b as a one-line Python bytes literal.
func bytesLiteral(bs []byte) string {
	var b strings.Builder
	b.Grow(len(bs) + 3)
	b.WriteString("b'")
	for _, c := range bs {
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\'':
			b.WriteString(`\'`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// numberLiteral writes a number constant of the AST so that gpython's
// lexer reads back the same value and type.
func numberLiteral(n py.Object) (string, error) {
	switch v := n.(type) {
	case py.Int:
		return strconv.FormatInt(int64(v), 10), nil
	case *py.BigInt:
		return (*big.Int)(v).String(), nil
	case py.Float:
		return floatLiteral(float64(v)), nil
	case py.Complex:
		if real(v) != 0 {
			return "", fmt.Errorf("complex literal with a real part: %v", v)
		}
		return floatDigits(imag(v)) + "j", nil
	}
	return "", fmt.Errorf("number literal of type %T", n)
}

// floatLiteral is the shortest text that reads back as the same float.
func floatLiteral(f float64) string {
	s := floatDigits(f)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

func floatDigits(f float64) string {
	if math.IsInf(f, 0) {
		return "1e999" // overflows to infinity, as the source literal did
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
