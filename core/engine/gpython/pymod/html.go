package pymod

import (
	gohtml "html"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// html: escape and unescape. Named references use Go's table of all
// HTML5 entities; numeric ones follow the HTML5 rules CPython applies
// (Windows-1252 for 0x80-0x9F, U+FFFD for invalid values, nothing for
// disallowed control and noncharacter code points).

func htmlModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "html", Doc: "General functions for HTML manipulation."},
		Methods: []*py.Method{
			method("escape", htmlEscape, "Replace special characters \"&\", \"<\" and \">\" to HTML-safe sequences; also quotes if quote is true."),
			method("unescape", htmlUnescape, "Convert all named and numeric character references in the string to the corresponding unicode characters."),
		},
	}
}

var (
	htmlEscaper      = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#x27;")
	htmlEscaperNoQuo = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
)

func htmlEscape(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s py.Object
	var quote py.Object = py.True
	if err := parseArgs("escape", args, kwargs, []string{"s", "quote"}, 1, &s, &quote); err != nil {
		return nil, err
	}
	text, err := strArg(s, "s")
	if err != nil {
		return nil, err
	}
	q, err := truth(quote)
	if err != nil {
		return nil, err
	}
	if q {
		return py.String(htmlEscaper.Replace(text)), nil
	}
	return py.String(htmlEscaperNoQuo.Replace(text)), nil
}

func htmlUnescape(self py.Object, s py.Object) (py.Object, error) {
	text, err := strArg(s, "s")
	if err != nil {
		return nil, err
	}
	return py.String(unescapeHTML(text)), nil
}

func unescapeHTML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+1:]
		if text, rest, ok := charRef(s); ok {
			b.WriteString(text)
			s = rest
			continue
		}
		b.WriteByte('&')
	}
}

// charRef reads a reference after an '&': #digits, #xhex or a name, each
// optionally ended by ';'. ok is false when none starts here.
func charRef(s string) (text, rest string, ok bool) {
	if strings.HasPrefix(s, "#") {
		return numericRef(s[1:])
	}
	// The name runs to 32 characters other than whitespace, <, &, # or ;.
	n := 0
	chars := 0
	for n < len(s) && chars < 32 {
		c := s[n]
		if c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' || c == ';' {
			break
		}
		_, size := utf8.DecodeRuneInString(s[n:])
		n += size
		chars++
	}
	if n == 0 {
		return "", s, false
	}
	if n < len(s) && s[n] == ';' {
		n++
	}
	// Go's unescaper resolves a name exactly as CPython does (the whole
	// name, else its longest prefix that may stand without a semicolon),
	// and the name holds no other reference.
	return gohtml.UnescapeString("&" + s[:n]), s[n:], true
}

func numericRef(s string) (string, string, bool) {
	base, digits := 10, "0123456789"
	start := 0
	if strings.HasPrefix(s, "x") || strings.HasPrefix(s, "X") {
		base, digits, start = 16, "0123456789abcdefABCDEF", 1
	}
	end := start
	for end < len(s) && strings.IndexByte(digits, s[end]) >= 0 {
		end++
	}
	if end == start {
		return "", s, false
	}
	num := 0
	for _, c := range s[start:end] {
		d := strings.IndexRune(digits, c)
		if d >= 16 {
			d -= 6 // upper-case hex digit
		}
		num = num*base + d
		if num > 0x10ffff {
			num = 0x110000 // out of range whatever follows
		}
	}
	if end < len(s) && s[end] == ';' {
		end++
	}
	return codePointText(num), s[end:], true
}

// cp1252 maps the C1 range, which HTML reads as Windows-1252.
var cp1252 = [32]rune{
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
}

func codePointText(n int) string {
	switch {
	case n == 0:
		return "\ufffd"
	case n == 0x0d:
		return "\r"
	case n >= 0x80 && n <= 0x9f:
		return string(cp1252[n-0x80])
	case (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff:
		return "\ufffd"
	case (n >= 0x01 && n <= 0x08) || n == 0x0b || (n >= 0x0e && n <= 0x1f) || (n >= 0x7f && n <= 0x9f),
		n >= 0xfdd0 && n <= 0xfdef, n&0xfffe == 0xfffe:
		return ""
	}
	return string(rune(n))
}
