package rewrite

import (
	"fmt"
	"strings"
)

// expandFStrings replaces every f-string of src by a plain expression
// that builds the same str, keeping each piece on its line:
//
//	f"{name!r:>{width}} items"  →  (__gowsgi_format__((name), '>' + __gowsgi_format__((width)), 'r') + ' items')
//
// A run of implicitly concatenated literals that holds an f-string becomes
// one parenthesised sum. Without f-strings src is returned unchanged.
func expandFStrings(src string) (string, error) {
	tokens := scanStrings(src)
	var out strings.Builder
	last := 0 // end of what has been copied to out
	for i := 0; i < len(tokens); {
		j := groupEnd(src, tokens, i)
		if !groupHasFString(tokens[i:j]) {
			i = j
			continue
		}
		out.WriteString(src[last:tokens[i].start])
		if err := writeGroup(&out, src, tokens[i:j]); err != nil {
			return "", err
		}
		last = tokens[j-1].end
		i = j
	}
	if last == 0 {
		return src, nil
	}
	out.WriteString(src[last:])
	return out.String(), nil
}

// groupEnd returns the index after the run of adjacent literals that
// starts at tokens[i].
func groupEnd(src string, tokens []strToken, i int) int {
	j := i + 1
	for j < len(tokens) && tokens[j-1].terminated && adjacent(src[tokens[j-1].end:tokens[j].start], tokens[j].depth) {
		j++
	}
	return j
}

// adjacent reports whether two literals separated by between form one
// implicit concatenation: only blanks, line continuations and, inside
// brackets, line breaks and comments may separate them.
func adjacent(between string, depth int) bool {
	for i := 0; i < len(between); i++ {
		switch c := between[i]; {
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
		case c == '\\' && i+1 < len(between) && between[i+1] == '\n':
			i++
		case c == '\\' && i+2 < len(between) && between[i+1] == '\r' && between[i+2] == '\n':
			i += 2
		case c == '\n' && depth > 0:
		case c == '#' && depth > 0:
			i = lineEnd(between, i) - 1
		default:
			return false
		}
	}
	return true
}

func groupHasFString(group []strToken) bool {
	for _, t := range group {
		if t.fString {
			return true
		}
	}
	return false
}

// writeGroup writes the expression that replaces a run of literals. What
// separates the literals (blanks, comments, line breaks) is kept.
func writeGroup(out *strings.Builder, src string, group []strToken) error {
	out.WriteByte('(')
	for k, t := range group {
		if k > 0 {
			out.WriteString(" + ")
			out.WriteString(src[group[k-1].end:t.start])
		}
		if t.bytes {
			return &fstringError{offset: t.start, msg: "cannot mix bytes and nonbytes literals"}
		}
		if !t.fString {
			out.WriteString(src[t.start:t.end])
			continue
		}
		if !t.terminated {
			return unterminated(src, t)
		}
		parts, err := parseFString(src, t)
		if err != nil {
			// CPython points after the literal for what is wrong inside it.
			if fe, ok := err.(*fstringError); ok {
				fe.offset = t.end
			}
			return err
		}
		if err := writeParts(out, parts); err != nil {
			return err
		}
	}
	out.WriteByte(')')
	return nil
}

func unterminated(src string, t strToken) error {
	detected, _ := newLineIndex(src).position(src, t.end)
	kind := "string literal"
	if len(t.quote) == 3 {
		kind = "triple-quoted string literal"
	}
	return &fstringError{offset: t.start, msg: fmt.Sprintf("unterminated %s (detected at line %d)", kind, detected)}
}

// writeParts writes the pieces of one f-string joined by "+". Each
// literal piece is followed by as many line breaks as it spanned, and
// expressions keep theirs, so everything stays on its source line.
func writeParts(out *strings.Builder, parts []fpart) error {
	if len(parts) == 0 {
		out.WriteString("''")
		return nil
	}
	for k, part := range parts {
		if k > 0 {
			out.WriteString(" + ")
		}
		if !part.isField {
			out.WriteString(strLiteral(part.literal))
			out.WriteString(strings.Repeat("\n", part.newlines))
			continue
		}
		if err := writeField(out, part); err != nil {
			return err
		}
	}
	return nil
}

// writeField writes __gowsgi_format__((expr)[, spec[, conversion]]).
func writeField(out *strings.Builder, field fpart) error {
	expr, err := expandFStrings(field.expr)
	if err != nil {
		if fe, ok := err.(*fstringError); ok {
			fe.offset += field.exprOffset
		}
		return err
	}
	out.WriteString(helperFormat)
	out.WriteString("((")
	out.WriteString(expr)
	out.WriteString(")")
	if field.spec != nil || field.conversion != 0 {
		out.WriteString(", ")
		if len(field.spec) == 0 {
			out.WriteString("''")
		} else {
			out.WriteByte('(')
			if err := writeParts(out, field.spec); err != nil {
				return err
			}
			out.WriteByte(')')
		}
	}
	if field.conversion != 0 {
		out.WriteString(", '")
		out.WriteByte(field.conversion)
		out.WriteByte('\'')
	}
	out.WriteByte(')')
	return nil
}
