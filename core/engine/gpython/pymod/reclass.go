package pymod

import (
	"fmt"
	"strings"
	"unicode"
)

// Character classes and the \d \w \s shorthands in translated patterns.

// Character class contents for \d \w \s, Unicode or ASCII.
func (t *translator) shorthand(c rune) (items string, negated bool) {
	ascii := t.top().ascii
	switch c {
	case 'd', 'D':
		items = `\p{Nd}`
		if ascii {
			items = `0-9`
		}
	case 'w', 'W':
		items = `\p{L}\p{N}_`
		if ascii {
			items = `0-9A-Za-z_`
		}
	case 's', 'S':
		items = `\t\n\v\f\r\x{1c}-\x{1f}\x{85}\p{Z}`
		if ascii {
			items = `\t\n\v\f\r `
		}
	}
	return items, unicode.IsUpper(c)
}

// class translates [...]. RE2 classes cannot hold the complement of a
// Unicode class (\W, \S, \D in Python's Unicode sense), so a class with
// one is worked out as an explicit set of ranges.
func (t *translator) class() error {
	open := t.i
	t.i++
	negated := false
	if t.i < len(t.src) && t.src[t.i] == '^' {
		negated = true
		t.i++
	}
	var items strings.Builder
	var complements []string
	first := true
	for {
		if t.i >= len(t.src) {
			return t.errorf(open, "unterminated character set")
		}
		c := t.src[t.i]
		if c == ']' && !first {
			t.i++
			break
		}
		first = false
		itemStart := t.i
		lo, set, err := t.classAtom()
		if err != nil {
			return err
		}
		if set != "" {
			if strings.HasPrefix(set, "^") {
				complements = append(complements, set[1:])
			} else {
				items.WriteString(set)
			}
			if t.i+1 < len(t.src) && t.src[t.i] == '-' && t.src[t.i+1] != ']' {
				return t.errorf(itemStart, "bad character range %s", string(t.src[itemStart:t.i+2]))
			}
			continue
		}
		if t.i+1 < len(t.src) && t.src[t.i] == '-' && t.src[t.i+1] != ']' {
			t.i++
			hi, hiSet, err := t.classAtom()
			if err != nil {
				return err
			}
			if hiSet != "" || hi < lo {
				return t.errorf(itemStart, "bad character range %s", string(t.src[itemStart:t.i]))
			}
			items.WriteString(classChar(lo) + "-" + classChar(hi))
			continue
		}
		items.WriteString(classChar(lo))
	}
	body := items.String()
	if len(complements) > 0 {
		t.out.WriteString(rangesClass(classRanges(body, complements, negated)))
		return nil
	}
	switch {
	case body == "" && negated:
		t.out.WriteString(`[\x{0}-\x{10FFFF}]`)
	case body == "":
		t.out.WriteString(`[^\x{0}-\x{10FFFF}]`)
	case negated:
		t.out.WriteString("[^" + body + "]")
	default:
		t.out.WriteString("[" + body + "]")
	}
	return nil
}

// classAtom reads one character of a class, or a shorthand set (returned
// as its items, prefixed with ^ when negated).
func (t *translator) classAtom() (rune, string, error) {
	c := t.src[t.i]
	if c != '\\' {
		t.i++
		return c, "", nil
	}
	if t.i+1 >= len(t.src) {
		return 0, "", t.errorf(t.i, "bad escape (end of pattern)")
	}
	e := t.src[t.i+1]
	switch e {
	case 'd', 'D', 'w', 'W', 's', 'S':
		t.i += 2
		items, neg := t.shorthand(e)
		if neg {
			if e == 'D' && !t.top().ascii {
				return 0, `\P{Nd}`, nil
			}
			return 0, "^" + items, nil
		}
		return 0, items, nil
	case 'b':
		t.i += 2
		return '\b', "", nil
	case 'A', 'Z', 'B':
		return 0, "", t.errorf(t.i, `bad escape \%c`, e)
	}
	if e >= '1' && e <= '9' && !t.isOctalEscape() {
		return 0, "", t.errorf(t.i, `bad escape \%c`, e)
	}
	r, err := t.charEscape()
	return r, "", err
}

// classChar writes a character for use inside a Go class.
func classChar(r rune) string {
	if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return string(r)
	}
	return fmt.Sprintf(`\x{%x}`, r)
}
