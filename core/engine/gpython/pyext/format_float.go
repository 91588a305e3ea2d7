package pyext

import (
	"math"
	"strconv"
	"strings"
)

// floatRepr is repr(x) as CPython writes it: the shortest digits that
// read back as x, in positional notation for exponents -4..15 and with
// ".0" on integral values, scientific notation otherwise.
func floatRepr(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(x) {
		sign, x = "-", -x
	}
	return sign + shortestAbs(x)
}

// shortestAbs is floatRepr of a finite non-negative x.
func shortestAbs(x float64) string {
	exp := decimalExponent(strconv.FormatFloat(x, 'e', -1, 64))
	if exp < -4 || exp >= 16 {
		// Go's exponent already has Python's form: a sign and two digits.
		return strconv.FormatFloat(x, 'e', -1, 64)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// decimalExponent reads the exponent of Go's 'e' formatting.
func decimalExponent(e string) int {
	i := strings.IndexByte(e, 'e')
	n, _ := strconv.Atoi(e[i+1:])
	return n
}

// floatDigits formats a finite non-negative x for a presentation type
// ('e', 'f', 'g', '%', or 0 for the default), without sign.
func floatDigits(x float64, kind byte, precision int, alternate bool) string {
	switch kind {
	case 'e':
		if precision < 0 {
			precision = 6
		}
		return withPoint(strconv.FormatFloat(x, 'e', precision, 64), alternate)
	case 'f':
		if precision < 0 {
			precision = 6
		}
		return withPoint(strconv.FormatFloat(x, 'f', precision, 64), alternate)
	case '%':
		if precision < 0 {
			precision = 6
		}
		return withPoint(strconv.FormatFloat(x*100, 'f', precision, 64), alternate) + "%"
	case 'g':
		if precision < 0 {
			precision = 6
		}
		return general(x, precision, alternate, false)
	}
	if precision < 0 {
		return shortestAbs(x)
	}
	return general(x, precision, alternate, true)
}

// general is the 'g' presentation with p significant digits: positional
// when the exponent is in [-4, p) and scientific otherwise, trailing
// zeros dropped unless alternate. The default presentation (dot0) keeps
// one digit after the point and goes scientific one exponent sooner.
func general(x float64, p int, alternate, dot0 bool) string {
	if p == 0 {
		p = 1
	}
	exp := 0
	if x != 0 {
		exp = decimalExponent(strconv.FormatFloat(x, 'e', p-1, 64))
	}
	limit := p
	if dot0 {
		limit = p - 1
	}
	var s string
	scientific := exp < -4 || exp >= limit
	if scientific {
		s = strconv.FormatFloat(x, 'e', p-1, 64)
	} else {
		s = strconv.FormatFloat(x, 'f', p-1-exp, 64)
	}
	if !alternate {
		s = trimZeros(s)
	} else {
		s = withPoint(s, true)
	}
	if dot0 && !scientific && !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// trimZeros drops trailing fraction zeros (and a bare point) from the
// mantissa, keeping any exponent.
func trimZeros(s string) string {
	mant, exp := s, ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant, exp = s[:i], s[i:]
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(mant, "0")
		mant = strings.TrimSuffix(mant, ".")
	}
	return mant + exp
}

// withPoint adds the decimal point the alternate form (#) keeps even when
// no digits follow it.
func withPoint(s string, alternate bool) string {
	if !alternate || strings.Contains(s, ".") {
		return s
	}
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		return s[:i] + "." + s[i:]
	}
	return s + "."
}
