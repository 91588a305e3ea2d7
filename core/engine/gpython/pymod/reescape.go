package pymod

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Backslash escapes in translated patterns.

// escape handles a backslash sequence outside a class.
func (t *translator) escape() error {
	start := t.i
	if t.i+1 >= len(t.src) {
		return t.errorf(start, "bad escape (end of pattern)")
	}
	c := t.src[t.i+1]
	switch c {
	case 'A':
		t.out.WriteString(`\A`)
		t.i += 2
		t.last = elemAssert
		return nil
	case 'Z':
		t.out.WriteString(`\z`)
		t.i += 2
		t.last = elemAssert
		return nil
	case 'b', 'B':
		t.out.WriteString(`\` + string(c))
		t.i += 2
		t.last = elemAssert
		return nil
	case 'd', 'D', 'w', 'W', 's', 'S':
		items, neg := t.shorthand(c)
		if neg {
			t.out.WriteString("[^" + items + "]")
		} else {
			t.out.WriteString("[" + items + "]")
		}
		t.i += 2
		t.last = elemAtom
		return nil
	}
	if c >= '1' && c <= '9' && !t.isOctalEscape() {
		return t.errorf(start, "backreferences are not supported (the re module here runs on RE2)")
	}
	r, err := t.charEscape()
	if err != nil {
		return err
	}
	t.out.WriteString(regexp.QuoteMeta(string(r)))
	t.last = elemAtom
	return nil
}

// isOctalEscape: \ followed by three octal digits is a character, not a
// group reference.
func (t *translator) isOctalEscape() bool {
	if t.i+3 >= len(t.src) {
		return false
	}
	for k := 1; k <= 3; k++ {
		if c := t.src[t.i+k]; c < '0' || c > '7' {
			return false
		}
	}
	return true
}

// charEscape reads an escape that stands for one character.
func (t *translator) charEscape() (rune, error) {
	start := t.i
	c := t.src[t.i+1]
	t.i += 2
	simple := map[rune]rune{'a': '\a', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
	if r, ok := simple[c]; ok {
		return r, nil
	}
	switch c {
	case 'x':
		return t.hexEscape(start, 2, `\x`)
	case 'u', 'U':
		if t.isBytes {
			return 0, t.errorf(start, `bad escape \%c`, c)
		}
		n := 4
		if c == 'U' {
			n = 8
		}
		return t.hexEscape(start, n, `\`+string(c))
	case 'N':
		return 0, t.errorf(start, `named Unicode escapes (\N{...}) are not supported`)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		j := t.i - 1
		end := j + 1
		for end < len(t.src) && end < j+3 && t.src[end] >= '0' && t.src[end] <= '7' {
			end++
		}
		v, _ := strconv.ParseInt(string(t.src[j:end]), 8, 32)
		if v > 0o377 {
			return 0, t.errorf(start, `octal escape value \%s outside of range 0-0o377`, string(t.src[j:end]))
		}
		t.i = end
		return rune(v), nil
	}
	if c < 0x80 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return 0, t.errorf(start, `bad escape \%c`, c)
	}
	return c, nil
}

func (t *translator) hexEscape(start, n int, name string) (rune, error) {
	if t.i+n > len(t.src) {
		return 0, t.errorf(start, "incomplete escape %s%s", name, string(t.src[t.i:]))
	}
	digits := string(t.src[t.i : t.i+n])
	v, err := strconv.ParseUint(digits, 16, 32)
	if err != nil || strings.ContainsAny(digits, "+-") {
		k := 0
		for k < len(digits) && strings.ContainsRune("0123456789abcdefABCDEF", rune(digits[k])) {
			k++
		}
		return 0, t.errorf(start, "incomplete escape %s%s", name, digits[:k])
	}
	if v > unicode.MaxRune {
		return 0, t.errorf(start, "bad escape %s%s", name, digits)
	}
	t.i += n
	return rune(v), nil
}
