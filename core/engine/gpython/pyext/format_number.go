package pyext

import (
	"math"
	"math/big"
	"strings"

	"github.com/go-python/gpython/py"
)

// number is a formatted number taken apart for layout: sign, radix
// prefix, the integer digits that grouping applies to, and the rest
// (fraction, exponent, percent sign).
type number struct {
	negative bool
	prefix   string
	digits   string
	rest     string
	// special is set for inf and nan, which take no digit separators.
	special bool
}

// layout assembles n under f: sign, separators, fill and alignment.
func (n number) layout(f formatSpec, groupSize int) string {
	sign := ""
	switch {
	case n.negative:
		sign = "-"
	case f.sign == '+':
		sign = "+"
	case f.sign == ' ':
		sign = " "
	}
	digits := n.digits
	if f.grouping != 0 && !n.special {
		minWidth := 0
		if f.align == '=' && f.fill == '0' {
			minWidth = f.width - len(sign) - len(n.prefix) - runeLen(n.rest)
		}
		digits = group(digits, f.grouping, groupSize, minWidth)
	}
	body := digits + n.rest
	align := f.align
	if align == 0 {
		align = '>'
	}
	fill := string(f.fill)
	if align == '=' {
		margin := f.width - len(sign) - len(n.prefix) - runeLen(body)
		if margin > 0 {
			return sign + n.prefix + strings.Repeat(fill, margin) + body
		}
		return sign + n.prefix + body
	}
	return pad(sign+n.prefix+body, f.width, fill, align)
}

// group inserts sep every size digits from the right. When zero padding
// asks for minWidth characters, zeros (and separators between them) are
// added on the left until the width is reached, never starting with a
// separator.
func group(digits string, sep byte, size, minWidth int) string {
	var rev []byte
	inGroup := 0
	for i := len(digits) - 1; i >= 0 || len(rev) < minWidth; i-- {
		if inGroup == size {
			rev = append(rev, sep)
			inGroup = 0
		}
		d := byte('0')
		if i >= 0 {
			d = digits[i]
		}
		rev = append(rev, d)
		inGroup++
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return string(rev)
}

// formatInt formats an int (or bool, named by forType) under spec.
func formatInt(v *big.Int, spec, forType string) (string, error) {
	f, err := parseSpec(spec, forType, true)
	if err != nil {
		return "", err
	}
	switch f.kind {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		x, acc := new(big.Float).SetInt(v).Float64()
		if math.IsInf(x, 0) && acc != big.Exact {
			return "", py.ExceptionNewf(py.OverflowError, "int too large to convert to float")
		}
		return formatFloatSpec(x, f, forType)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", unknownCode(f.kind, forType)
	}
	if f.precision >= 0 {
		return "", py.ExceptionNewf(py.ValueError, "Precision not allowed in integer format specifier")
	}
	if f.noNegZero {
		return "", py.ExceptionNewf(py.ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	if f.kind == 'c' {
		return formatChar(v, f)
	}
	n := number{negative: v.Sign() < 0}
	abs := new(big.Int).Abs(v)
	groupSize := 4
	switch f.kind {
	case 'b':
		n.prefix, n.digits = "0b", abs.Text(2)
	case 'o':
		n.prefix, n.digits = "0o", abs.Text(8)
	case 'x':
		n.prefix, n.digits = "0x", abs.Text(16)
	case 'X':
		n.prefix, n.digits = "0X", strings.ToUpper(abs.Text(16))
	default:
		n.digits, groupSize = abs.Text(10), 3
	}
	if !f.alternate {
		n.prefix = ""
	}
	return n.layout(f, groupSize), nil
}

// formatChar is the 'c' presentation: the character with that code point.
func formatChar(v *big.Int, f formatSpec) (string, error) {
	if f.sign != 0 {
		return "", py.ExceptionNewf(py.ValueError, "Sign not allowed with integer format specifier 'c'")
	}
	if f.alternate {
		return "", py.ExceptionNewf(py.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
	}
	if !v.IsInt64() || v.Int64() < 0 || v.Int64() > 0x10ffff {
		return "", py.ExceptionNewf(py.OverflowError, "%%c arg not in range(0x110000)")
	}
	return number{digits: string(rune(v.Int64()))}.layout(f, 0), nil
}

// formatFloat formats a float under spec.
func formatFloat(x float64, spec string) (string, error) {
	f, err := parseSpec(spec, "float", true)
	if err != nil {
		return "", err
	}
	return formatFloatSpec(x, f, "float")
}

func formatFloatSpec(x float64, f formatSpec, forType string) (string, error) {
	kind, upper := f.kind, false
	switch kind {
	case 'E', 'F', 'G':
		kind, upper = kind+('a'-'A'), true
	case 'n':
		kind = 'g'
	case 0, 'e', 'f', 'g', '%':
	default:
		return "", unknownCode(f.kind, forType)
	}
	n := number{negative: math.Signbit(x) && !math.IsNaN(x)}
	var body string
	switch {
	case math.IsNaN(x):
		body, n.special = "nan", true
	case math.IsInf(x, 0):
		body, n.special = "inf", true
	default:
		body = floatDigits(math.Abs(x), kind, f.precision, f.alternate)
		if f.noNegZero && isZeroText(body) {
			n.negative = false
		}
	}
	if upper {
		body = strings.ToUpper(body)
	}
	split := len(body)
	for i := 0; i < len(body); i++ {
		if body[i] < '0' || body[i] > '9' {
			split = i
			break
		}
	}
	n.digits, n.rest = body[:split], body[split:]
	return n.layout(f, 3), nil
}

// isZeroText tells whether formatted digits round to zero, for 'z'.
func isZeroText(s string) bool {
	if i := strings.IndexAny(s, "e%"); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(s, "0.") == ""
}

// formatStr formats a str under spec.
func formatStr(s, spec string) (string, error) {
	f, err := parseSpec(spec, "str", false)
	if err != nil {
		return "", err
	}
	switch {
	case f.kind != 0 && f.kind != 's':
		return "", unknownCode(f.kind, "str")
	case f.sign != 0:
		return "", py.ExceptionNewf(py.ValueError, "Sign not allowed in string format specifier")
	case f.noNegZero:
		return "", py.ExceptionNewf(py.ValueError, "Negative zero coercion (z) not allowed in string format specifier")
	case f.alternate:
		return "", py.ExceptionNewf(py.ValueError, "Alternate form (#) not allowed in string format specifier")
	case f.grouping != 0:
		return "", py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with 's'.", f.grouping)
	case f.align == '=':
		return "", py.ExceptionNewf(py.ValueError, "'=' alignment not allowed in string format specifier")
	}
	if f.precision >= 0 && runeLen(s) > f.precision {
		s = s[:byteOffset(s, f.precision)]
	}
	align := f.align
	if align == 0 {
		align = '<'
	}
	return pad(s, f.width, string(f.fill), align), nil
}
