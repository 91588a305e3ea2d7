package pymod

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/go-python/gpython/py"
)

// Replacement templates for sub() and Match.expand(): literal text with
// \n-style escapes, \1..\99 and \g<name> or \g<number> group references.
// A group that did not take part contributes nothing.

type templatePart struct {
	literal string
	group   int // -1 for a literal
}

type template struct {
	parts   []templatePart
	isBytes bool
}

func parseTemplate(p *rePattern, repl py.Object) (*template, error) {
	var src string
	switch v := repl.(type) {
	case py.String:
		if p.isBytes {
			return nil, py.ExceptionNewf(py.TypeError, "expected a bytes-like object, str found")
		}
		src = string(v)
	case py.Bytes:
		if !p.isBytes {
			return nil, py.ExceptionNewf(py.TypeError, "expected str instance, bytes found")
		}
		src = widenBytes(v)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "expected str instance, %s found", repl.Type().Name)
	}
	t := &template{isBytes: p.isBytes}
	runes := []rune(src)
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.parts = append(t.parts, templatePart{literal: lit.String(), group: -1})
			lit.Reset()
		}
	}
	fail := func(pos int, format string, args ...any) error {
		return reErrorFor(&reError{msg: sprintf(format, args...), pos: pos}, repl)
	}
	for i := 0; i < len(runes); i++ {
		c := runes[i]
		if c != '\\' {
			lit.WriteRune(c)
			continue
		}
		start := i
		i++
		if i >= len(runes) {
			return nil, fail(start, "bad escape (end of pattern)")
		}
		c = runes[i]
		switch {
		case c == 'g':
			if i+1 >= len(runes) || runes[i+1] != '<' {
				return nil, fail(i+1, "missing <")
			}
			end := i + 2
			for end < len(runes) && runes[end] != '>' {
				end++
			}
			if end >= len(runes) {
				return nil, fail(i+2, "missing >, unterminated name")
			}
			name := string(runes[i+2 : end])
			g, err := templateGroup(p, name)
			if err != nil {
				if _, isPy := err.(*py.Exception); isPy {
					return nil, err
				}
				return nil, fail(i+2, "%s", err.Error())
			}
			flush()
			t.parts = append(t.parts, templatePart{group: g})
			i = end
		case c == '0':
			j := i + 1
			for j < len(runes) && j < i+3 && runes[j] >= '0' && runes[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseInt("0"+string(runes[i+1:j]), 8, 32)
			lit.WriteRune(rune(v))
			i = j - 1
		case c >= '1' && c <= '9':
			j := i + 1
			if j < len(runes) && unicode.IsDigit(runes[j]) && runes[j] < 0x80 {
				j++
				if c <= '7' && runes[j-1] <= '7' && j < len(runes) && runes[j] >= '0' && runes[j] <= '7' {
					v, _ := strconv.ParseInt(string(runes[i:j+1]), 8, 32)
					if v > 0o377 {
						return nil, fail(start, `octal escape value \%s outside of range 0-0o377`, string(runes[i:j+1]))
					}
					lit.WriteRune(rune(v))
					i = j
					continue
				}
			}
			g, _ := strconv.Atoi(string(runes[i:j]))
			if g > p.groups() {
				return nil, fail(start+1, "invalid group reference %d", g)
			}
			flush()
			t.parts = append(t.parts, templatePart{group: g})
			i = j - 1
		default:
			if r, ok := map[rune]rune{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}[c]; ok {
				lit.WriteRune(r)
			} else if c < 0x80 && unicode.IsLetter(c) {
				return nil, fail(start, `bad escape \%c`, c)
			} else {
				lit.WriteRune('\\')
				lit.WriteRune(c)
			}
		}
	}
	flush()
	return t, nil
}

// templateGroup resolves the name or number inside \g<...>.
func templateGroup(p *rePattern, name string) (int, error) {
	if name == "" {
		return 0, &reError{msg: "missing group name"}
	}
	if n, err := strconv.Atoi(name); err == nil && isASCIIDigits(name) {
		if n > p.groups() {
			return 0, &reError{msg: "invalid group reference " + name}
		}
		return n, nil
	}
	if !isIdentifier(name) {
		return 0, &reError{msg: "bad character in group name " + quoteRepr(name)}
	}
	g, ok := p.groupIndex[name]
	if !ok {
		return 0, py.ExceptionNewf(py.IndexError, "unknown group name %s", quoteRepr(name))
	}
	return g, nil
}

func isASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (t *template) expand(m *reMatch) (py.Object, error) {
	var b strings.Builder
	for _, part := range t.parts {
		if part.group < 0 {
			b.WriteString(part.literal)
			continue
		}
		if a := m.loc[2*part.group]; a >= 0 {
			b.WriteString(m.s.text[a:m.loc[2*part.group+1]])
		}
	}
	if t.isBytes {
		return narrowBytes(b.String()), nil
	}
	return py.String(b.String()), nil
}
