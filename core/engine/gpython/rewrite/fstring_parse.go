package rewrite

import (
	"bytes"
	"strings"

	"github.com/go-python/gpython/parser"
)

// fpart is one piece of an f-string: literal text, or a replacement field.
type fpart struct {
	literal  string // decoded text of a literal piece
	newlines int    // line breaks the literal piece spans in the source
	isField  bool

	expr       string // source of the field's expression, line breaks kept
	exprOffset int    // where expr starts in the source
	conversion byte   // 0, 's', 'r' or 'a'
	spec       []fpart
}

// fstringError is a malformed f-string at a source offset.
type fstringError struct {
	offset int
	msg    string
}

func (e *fstringError) Error() string { return e.msg }

// maxSpecNesting is how deep replacement fields may nest inside format
// specs, as in CPython: f"{x:{w}}" is fine, one level deeper is not.
const maxSpecNesting = 2

// parseFString splits the body of tok into literal pieces and fields.
func parseFString(src string, tok strToken) ([]fpart, error) {
	p := fparser{src: src, raw: tok.raw, end: tok.bodyEnd}
	return p.parts(tok.bodyStart, 0, false)
}

type fparser struct {
	src string
	raw bool
	end int // end of the f-string body
	pos int
}

// parts reads pieces from start until the body ends or, inside a format
// spec (inSpec), until the '}' that closes the field.
func (p *fparser) parts(start, nesting int, inSpec bool) ([]fpart, error) {
	var parts []fpart
	var lit strings.Builder
	litStart := start
	flush := func(end int) error {
		if end > litStart {
			lit.WriteString(p.src[litStart:end])
		}
		if lit.Len() == 0 {
			return nil
		}
		text := lit.String()
		lit.Reset()
		decoded, err := p.decode(text)
		if err != nil {
			return &fstringError{offset: litStart, msg: "(unicode error) " + err.Error()}
		}
		parts = append(parts, fpart{literal: decoded, newlines: strings.Count(text, "\n")})
		return nil
	}
	p.pos = start
	for p.pos < p.end {
		c := p.src[p.pos]
		switch {
		case c == '\\' && !p.raw:
			p.pos = p.escapeEnd(p.pos)
		case c == '{' && !inSpec && p.pos+1 < p.end && p.src[p.pos+1] == '{':
			lit.WriteString(p.src[litStart : p.pos+1])
			p.pos += 2
			litStart = p.pos
		case c == '}' && !inSpec && p.pos+1 < p.end && p.src[p.pos+1] == '}':
			lit.WriteString(p.src[litStart : p.pos+1])
			p.pos += 2
			litStart = p.pos
		case c == '}' && inSpec:
			if err := flush(p.pos); err != nil {
				return nil, err
			}
			return parts, nil
		case c == '}':
			return nil, &fstringError{offset: p.pos, msg: "f-string: single '}' is not allowed"}
		case c == '{':
			if err := flush(p.pos); err != nil {
				return nil, err
			}
			if nesting >= maxSpecNesting {
				return nil, &fstringError{offset: p.pos, msg: "f-string: expressions nested too deeply"}
			}
			field, err := p.field(nesting + 1)
			if err != nil {
				return nil, err
			}
			parts = append(parts, field...)
			litStart = p.pos
		default:
			p.pos++
		}
	}
	if inSpec {
		return nil, &fstringError{offset: p.end, msg: "f-string: expecting '}'"}
	}
	if err := flush(min(p.pos, p.end)); err != nil {
		return nil, err
	}
	return parts, nil
}

// escapeEnd passes the escape sequence at i. A backslash before a brace
// escapes nothing: the brace still opens or closes a field. \N{...} is
// passed whole, braces included.
func (p *fparser) escapeEnd(i int) int {
	if i+1 >= p.end {
		return i + 1
	}
	switch p.src[i+1] {
	case '{', '}':
		return i + 1
	case 'N':
		if i+2 < p.end && p.src[i+2] == '{' {
			if j := strings.IndexByte(p.src[i+3:p.end], '}'); j >= 0 {
				return i + 3 + j + 1
			}
		}
	}
	return i + 2
}

// decode turns literal source text into its value, as gpython decodes
// string literals. A piece may end in a lone backslash (f"a\{x}"), which
// stays a backslash.
func (p *fparser) decode(text string) (string, error) {
	if p.raw {
		return text, nil
	}
	trailing := ""
	if n := len(text) - len(strings.TrimRight(text, `\`)); n%2 == 1 {
		text, trailing = text[:len(text)-1], `\`
	}
	out, err := parser.DecodeEscape(bytes.NewBufferString(text), false)
	if err != nil {
		return "", err
	}
	return out.String() + trailing, nil
}

// field reads a replacement field starting at the '{' at p.pos and leaves
// p.pos after its closing '}'. A field with the "=" specifier yields its
// text as a literal piece before the field itself.
func (p *fparser) field(nesting int) ([]fpart, error) {
	open := p.pos
	exprStart := open + 1
	exprEnd, err := p.expressionEnd(exprStart)
	if err != nil {
		return nil, err
	}
	expr := p.src[exprStart:exprEnd]
	var out []fpart
	debug := false
	if trimmed := strings.TrimRight(expr, " \t\r\n"); strings.HasSuffix(trimmed, "=") && !isComparisonEnd(trimmed) {
		debug = true
		out = append(out, fpart{literal: expr})
		expr = trimmed[:len(trimmed)-1]
	}
	if strings.TrimSpace(expr) == "" {
		return nil, &fstringError{offset: open, msg: "f-string: empty expression not allowed"}
	}
	field := fpart{isField: true, expr: expr, exprOffset: exprStart}
	p.pos = exprEnd
	if p.src[p.pos] == '!' {
		if p.pos+1 >= p.end {
			return nil, &fstringError{offset: p.pos, msg: "f-string: expecting '}'"}
		}
		conv := p.src[p.pos+1]
		if conv != 's' && conv != 'r' && conv != 'a' {
			return nil, &fstringError{offset: p.pos + 1, msg: "f-string: invalid conversion character: expected 's', 'r', or 'a'"}
		}
		field.conversion = conv
		p.pos += 2
		if p.pos >= p.end || (p.src[p.pos] != ':' && p.src[p.pos] != '}') {
			return nil, &fstringError{offset: p.pos, msg: "f-string: expecting '}'"}
		}
	}
	if p.src[p.pos] == ':' {
		spec, err := p.parts(p.pos+1, nesting, true)
		if err != nil {
			return nil, err
		}
		field.spec = spec
		if spec == nil {
			field.spec = []fpart{} // an explicit empty spec
		}
	} else if debug && field.conversion == 0 {
		field.conversion = 'r' // f"{x=}" shows repr(x) unless a spec is given
	}
	p.pos++ // the closing '}'
	return append(out, field), nil
}

// isComparisonEnd reports whether the "=" that ends s belongs to an
// operator (==, !=, <=, >=) rather than being the "=" specifier.
func isComparisonEnd(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[len(s)-2] {
	case '=', '!', '<', '>':
		return true
	}
	return false
}

// expressionEnd finds where the expression of a field starting at start
// ends: at a '!' (not "!="), ':' or '}' outside brackets and strings.
func (p *fparser) expressionEnd(start int) (int, error) {
	var stack []byte
	for i := start; i < p.end; i++ {
		c := p.src[i]
		switch {
		case c == '\\':
			return 0, &fstringError{offset: i, msg: "f-string expression part cannot include a backslash"}
		case c == '#':
			return 0, &fstringError{offset: i, msg: "f-string expression part cannot include '#'"}
		case c == '\'' || c == '"':
			end, ok := skipNestedString(p.src[:p.end], i)
			if !ok {
				return 0, &fstringError{offset: i, msg: "f-string: unterminated string"}
			}
			if j := strings.IndexByte(p.src[i:end], '\\'); j >= 0 {
				return 0, &fstringError{offset: i + j, msg: "f-string expression part cannot include a backslash"}
			}
			i = end - 1
		case c == '(' || c == '[' || c == '{':
			stack = append(stack, c)
		case c == ')' || c == ']' || c == '}':
			if len(stack) == 0 {
				if c == '}' {
					return i, nil
				}
				return 0, &fstringError{offset: i, msg: "f-string: unmatched '" + string(c) + "'"}
			}
			if open := stack[len(stack)-1]; closerOf(open) != c {
				return 0, &fstringError{offset: i,
					msg: "f-string: closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(open) + "'"}
			}
			stack = stack[:len(stack)-1]
		case len(stack) > 0:
		case c == '!' && (i+1 >= p.end || p.src[i+1] != '='):
			return i, nil
		case c == ':':
			return i, nil
		}
	}
	if len(stack) > 0 {
		return 0, &fstringError{offset: p.end, msg: "f-string: unmatched '" + string(stack[len(stack)-1]) + "'"}
	}
	return 0, &fstringError{offset: p.end, msg: "f-string: expecting '}'"}
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// skipNestedString passes a string literal inside a field's expression.
func skipNestedString(src string, q int) (end int, ok bool) {
	quote := src[q : q+1]
	if strings.HasPrefix(src[q:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	for i := q + len(quote); i < len(src); i++ {
		if src[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(src[i:], quote) {
			return i + len(quote), true
		}
	}
	return 0, false
}
