package pyext

import (
	"strconv"
	"unicode"

	"github.com/go-python/gpython/py"
)

// predicate makes a str.isX method true when s is non-empty and every
// character passes.
func predicate(name string, each func(rune) bool) func(py.String, py.Tuple, py.StringDict) (py.Object, error) {
	return func(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		if s == "" {
			return py.False, nil
		}
		for _, r := range string(s) {
			if !each(r) {
				return py.False, nil
			}
		}
		return py.True, nil
	}
}

func isDecimalRune(r rune) bool { return unicode.Is(unicode.Nd, r) }

// isDigitRune adds the superscript, subscript and circled digits that
// Python counts as digits without being decimal.
func isDigitRune(r rune) bool {
	switch {
	case isDecimalRune(r), r == '²', r == '³', r == '¹',
		r == '⁰', r >= '⁴' && r <= '⁹',
		r >= '₀' && r <= '₉', r >= '①' && r <= '⑨', r >= '⑴' && r <= '⑼', r >= '⒈' && r <= '⒐':
		return true
	}
	return false
}

func isNumericRune(r rune) bool {
	return isDigitRune(r) || unicode.IsNumber(r) || unicode.Is(unicode.Han, r) && hanNumeral(r)
}

// hanNumeral is the CJK ideographs Unicode gives a numeric value.
func hanNumeral(r rune) bool {
	switch r {
	case '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '億', '兆', '零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖', '拾', '佰', '仟':
		return true
	}
	return false
}

func isAlnumRune(r rune) bool {
	return unicode.IsLetter(r) || isNumericRune(r)
}

// strCaseState is str.isupper (wantUpper) or str.islower: at least one
// cased character and none of the other case.
func strCaseState(name string, wantUpper bool) func(py.String, py.Tuple, py.StringDict) (py.Object, error) {
	return func(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		cased := false
		for _, r := range string(s) {
			switch {
			case isUpperCased(r) || unicode.IsTitle(r):
				if !wantUpper {
					return py.False, nil
				}
				cased = true
			case isLowerCased(r):
				if wantUpper {
					return py.False, nil
				}
				cased = true
			}
		}
		return py.NewBool(cased), nil
	}
}

func strIstitle(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.istitle", args, kwargs); err != nil {
		return nil, err
	}
	cased, prevCased := false, false
	for _, r := range string(s) {
		switch {
		case isUpperCased(r) || unicode.IsTitle(r):
			if prevCased {
				return py.False, nil
			}
			prevCased, cased = true, true
		case isLowerCased(r):
			if !prevCased {
				return py.False, nil
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return py.NewBool(cased), nil
}

func strIsidentifier(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.isidentifier", args, kwargs); err != nil {
		return nil, err
	}
	for i, r := range string(s) {
		start := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
		if i == 0 && !start {
			return py.False, nil
		}
		if !start && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc) {
			return py.False, nil
		}
	}
	return py.NewBool(s != ""), nil
}

// strIsprintable is true for the empty string, unlike the other tests.
func strIsprintable(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.isprintable", args, kwargs); err != nil {
		return nil, err
	}
	for _, r := range string(s) {
		if !strconv.IsPrint(r) {
			return py.False, nil
		}
	}
	return py.True, nil
}

func strIsascii(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.isascii", args, kwargs); err != nil {
		return nil, err
	}
	return py.NewBool(isASCII(string(s))), nil
}
