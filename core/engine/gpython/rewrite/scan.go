package rewrite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// strToken is one string literal of the source, prefix included.
type strToken struct {
	start, end         int    // byte offsets of the whole literal in the source
	bodyStart, bodyEnd int    // the text between the quotes
	quote              string // ', ", ''' or """
	fString, raw       bool
	bytes              bool
	terminated         bool // false when the source ends or the line ends first
	depth              int  // brackets open where the literal starts
}

// scanStrings lists the string literals of src, skipping comments, in
// order. It knows just enough of Python's lexical rules to find where
// each literal starts and ends and how deeply it sits in brackets.
func scanStrings(src string) []strToken {
	var tokens []strToken
	depth := 0
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '#':
			i = lineEnd(src, i)
		case c == '\'' || c == '"':
			tok := scanString(src, i, i, "")
			tok.depth = depth
			tokens = append(tokens, tok)
			i = tok.end
		case c == '(' || c == '[' || c == '{':
			depth++
			i++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
			i++
		case c >= '0' && c <= '9':
			i = skipNumber(src, i)
		case isIdentStart(src, i):
			end := skipIdentifier(src, i)
			if end < len(src) && (src[end] == '\'' || src[end] == '"') && isStringPrefix(src[i:end]) {
				tok := scanString(src, i, end, strings.ToLower(src[i:end]))
				tok.depth = depth
				tokens = append(tokens, tok)
				i = tok.end
				continue
			}
			i = end
		default:
			i++
		}
	}
	return tokens
}

// scanString reads the literal whose prefix starts at start and whose
// opening quote is at q.
func scanString(src string, start, q int, prefix string) strToken {
	tok := strToken{
		start:   start,
		fString: strings.ContainsRune(prefix, 'f'),
		raw:     strings.ContainsRune(prefix, 'r'),
		bytes:   strings.ContainsRune(prefix, 'b'),
	}
	quote := src[q : q+1]
	if strings.HasPrefix(src[q:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	tok.quote = quote
	tok.bodyStart = q + len(quote)
	triple := len(quote) == 3
	for i := tok.bodyStart; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++ // an escaped character never ends the literal, in raw strings too
		case c == '\n' && !triple:
			tok.bodyEnd, tok.end = i, i
			return tok
		case strings.HasPrefix(src[i:], quote):
			tok.bodyEnd, tok.end, tok.terminated = i, i+len(quote), true
			return tok
		}
	}
	tok.bodyEnd, tok.end = len(src), len(src)
	return tok
}

// isStringPrefix reports whether p, written right before a quote, makes a
// string prefix rather than a name.
func isStringPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

func lineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// skipNumber passes a numeric literal, including exponents and suffixes,
// so that its letters are not read as a name.
func skipNumber(src string, i int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '.':
			i++
		case (c == '+' || c == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && !isHexLiteral(src, i):
			i++
		default:
			return i
		}
	}
	return i
}

// isHexLiteral reports whether the number that ends just before i is a
// hexadecimal literal, whose "e" is a digit rather than an exponent.
func isHexLiteral(src string, i int) bool {
	j := i
	for j > 0 && (isASCIIAlnum(src[j-1]) || src[j-1] == '_' || src[j-1] == '.') {
		j--
	}
	return strings.HasPrefix(src[j:], "0x") || strings.HasPrefix(src[j:], "0X")
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isIdentStart(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return unicode.IsLetter(r)
}

func skipIdentifier(src string, i int) int {
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '_' || isASCIIAlnum(c) {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc) {
			return i
		}
		i += size
	}
	return i
}

// lineIndex answers line numbers (1-based) for byte offsets of a source.
type lineIndex []int // offsets where lines start

func newLineIndex(src string) lineIndex {
	starts := lineIndex{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position returns the line and the column (1-based, in characters, as
// CPython counts SyntaxError offsets) of offset.
func (idx lineIndex) position(src string, offset int) (line, col int) {
	lo, hi := 0, len(idx)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if idx[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, utf8.RuneCountInString(src[idx[lo]:offset]) + 1
}

// text returns line n (1-based) without its newline.
func (idx lineIndex) text(src string, n int) string {
	if n < 1 || n > len(idx) {
		return ""
	}
	end := len(src)
	if n < len(idx) {
		end = idx[n] - 1
	}
	return strings.TrimSuffix(src[idx[n-1]:end], "\r")
}
