package pyext

import (
	"strings"
	"unicode"

	"github.com/go-python/gpython/py"
)

// Go maps case one rune to one rune; Python applies Unicode's full
// mappings, where a few characters become several. These tables hold
// the ones text in the wild meets.
var (
	upperSpecial = map[rune]string{
		'ß': "SS", 'ŉ': "ʼN", 'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL", 'ﬅ': "ST", 'ﬆ': "ST",
	}
	titleSpecial = map[rune]string{
		'ß': "Ss", 'ŉ': "ʼN", 'ﬀ': "Ff", 'ﬁ': "Fi", 'ﬂ': "Fl", 'ﬃ': "Ffi", 'ﬄ': "Ffl", 'ﬅ': "St", 'ﬆ': "St",
	}
	lowerSpecial = map[rune]string{
		'İ': "i̇",
	}
	foldSpecial = map[rune]string{
		'ß': "ss", 'ẞ': "ss", 'ſ': "s", 'ŉ': "ʼn", 'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl",
		'ﬅ': "st", 'ﬆ': "st", 'İ': "i̇", 'ς': "σ", 'µ': "μ",
	}
)

func writeUpper(b *strings.Builder, r rune) {
	if s, ok := upperSpecial[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToUpper(r))
}

func writeTitle(b *strings.Builder, r rune) {
	if s, ok := titleSpecial[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(unicode.ToTitle(r))
}

// writeLower lowercases rs[i]; a capital sigma ending a word becomes the
// final form ς, as Python's str.lower does.
func writeLower(b *strings.Builder, rs []rune, i int) {
	r := rs[i]
	if s, ok := lowerSpecial[r]; ok {
		b.WriteString(s)
		return
	}
	if r == 'Σ' && finalSigma(rs, i) {
		b.WriteRune('ς')
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

func finalSigma(rs []rune, i int) bool {
	before := i > 0 && isCased(rs[i-1])
	after := i+1 < len(rs) && isCased(rs[i+1])
	return before && !after
}

func isCased(r rune) bool {
	return isUpperCased(r) || isLowerCased(r) || unicode.IsTitle(r)
}

// isUpperCased and isLowerCased include the letter-like symbols (Roman
// numerals, circled letters) that Unicode gives a case without a
// lettercase category.
func isUpperCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r)
}

func isLowerCased(r rune) bool {
	return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r)
}

func strLower(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.lower", args, kwargs); err != nil {
		return nil, err
	}
	return py.String(lower(string(s))), nil
}

func lower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	for i := range rs {
		writeLower(&b, rs, i)
	}
	return b.String()
}

func strUpper(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.upper", args, kwargs); err != nil {
		return nil, err
	}
	if isASCII(string(s)) {
		return py.String(strings.ToUpper(string(s))), nil
	}
	var b strings.Builder
	for _, r := range string(s) {
		writeUpper(&b, r)
	}
	return py.String(b.String()), nil
}

func strCasefold(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.casefold", args, kwargs); err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, r := range string(s) {
		if f, ok := foldSpecial[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return py.String(b.String()), nil
}

func strSwapcase(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.swapcase", args, kwargs); err != nil {
		return nil, err
	}
	rs := []rune(string(s))
	var b strings.Builder
	for i, r := range rs {
		switch {
		case unicode.IsUpper(r):
			writeLower(&b, rs, i)
		case unicode.IsLower(r):
			writeUpper(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return py.String(b.String()), nil
}

// strTitle capitalizes every run of cased letters: a letter after a cased
// one is lowercased, any other is titlecased ("they're" -> "They'Re").
func strTitle(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.title", args, kwargs); err != nil {
		return nil, err
	}
	rs := []rune(string(s))
	var b strings.Builder
	prevCased := false
	for i, r := range rs {
		if prevCased {
			writeLower(&b, rs, i)
		} else {
			writeTitle(&b, r)
		}
		prevCased = isCased(r)
	}
	return py.String(b.String()), nil
}

func strCapitalize(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("str.capitalize", args, kwargs); err != nil {
		return nil, err
	}
	rs := []rune(string(s))
	var b strings.Builder
	for i, r := range rs {
		if i == 0 {
			writeTitle(&b, r)
			continue
		}
		writeLower(&b, rs, i)
	}
	return py.String(b.String()), nil
}
