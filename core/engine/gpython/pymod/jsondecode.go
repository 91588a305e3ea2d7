package pymod

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// jsonDecoder parses one document with json.loads' options. It works on
// the UTF-8 bytes and converts offsets to character positions only for
// error messages.
type jsonDecoder struct {
	doc           string
	strict        bool
	objectHook    py.Object // each may be nil
	pairsHook     py.Object
	parseFloat    py.Object
	parseInt      py.Object
	parseConstant py.Object
}

// decode parses the whole document, allowing whitespace around it.
func (d *jsonDecoder) decode() (py.Object, error) {
	if strings.HasPrefix(d.doc, "\ufeff") {
		return nil, d.fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	v, end, err := d.rawDecode(skipSpace(d.doc, 0))
	if err != nil {
		return nil, err
	}
	end = skipSpace(d.doc, end)
	if end != len(d.doc) {
		return nil, d.fail("Extra data", end)
	}
	return v, nil
}

// rawDecode parses one value starting at byte offset i.
func (d *jsonDecoder) rawDecode(i int) (py.Object, int, error) {
	return d.value(i, 0)
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// fail makes a JSONDecodeError at byte offset i.
func (d *jsonDecoder) fail(msg string, i int) error {
	return newJSONDecodeError(msg, d.doc, utf8.RuneCountInString(d.doc[:i]))
}

func (d *jsonDecoder) value(i, depth int) (py.Object, int, error) {
	if depth >= maxNesting {
		return nil, 0, py.ExceptionNewf(RecursionError, "maximum recursion depth exceeded while decoding a JSON document")
	}
	s := d.doc
	if i >= len(s) {
		return nil, 0, d.fail("Expecting value", i)
	}
	switch c := s[i]; {
	case c == '"':
		str, end, err := d.str(i + 1)
		return py.String(str), end, err
	case c == '{':
		return d.object(i+1, depth+1)
	case c == '[':
		return d.array(i+1, depth+1)
	case strings.HasPrefix(s[i:], "null"):
		return py.None, i + 4, nil
	case strings.HasPrefix(s[i:], "true"):
		return py.True, i + 4, nil
	case strings.HasPrefix(s[i:], "false"):
		return py.False, i + 5, nil
	case strings.HasPrefix(s[i:], "NaN"):
		return d.constant("NaN", math.NaN(), i+3)
	case strings.HasPrefix(s[i:], "Infinity"):
		return d.constant("Infinity", math.Inf(1), i+8)
	case strings.HasPrefix(s[i:], "-Infinity"):
		return d.constant("-Infinity", math.Inf(-1), i+9)
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number(i)
	}
	return nil, 0, d.fail("Expecting value", i)
}

func (d *jsonDecoder) constant(name string, f float64, end int) (py.Object, int, error) {
	if d.parseConstant != nil {
		v, err := py.Call(d.parseConstant, py.Tuple{py.String(name)}, nil)
		return v, end, err
	}
	return py.Float(f), end, nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at i.
func (d *jsonDecoder) number(i int) (py.Object, int, error) {
	s := d.doc
	j := i
	if s[j] == '-' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case j < len(s) && s[j] >= '1' && s[j] <= '9':
		j = digitsEnd(s, j)
	default:
		return nil, 0, d.fail("Expecting value", i)
	}
	isFloat := false
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j = digitsEnd(s, j+1)
		isFloat = true
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			j = digitsEnd(s, k)
			isFloat = true
		}
	}
	text := s[i:j]
	if isFloat {
		if d.parseFloat != nil {
			v, err := py.Call(d.parseFloat, py.Tuple{py.String(text)}, nil)
			return v, j, err
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeErr(err) {
			return nil, 0, d.fail("Expecting value", i)
		}
		return py.Float(f), j, nil
	}
	if d.parseInt != nil {
		v, err := py.Call(d.parseInt, py.Tuple{py.String(text)}, nil)
		return v, j, err
	}
	v, err := py.IntFromString(text, 10)
	return v, j, err
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// str reads a string whose opening quote is just before i.
func (d *jsonDecoder) str(i int) (string, int, error) {
	s := d.doc
	begin := i - 1
	var b strings.Builder
	for {
		j := i
		for j < len(s) && s[j] != '"' && s[j] != '\\' && !(d.strict && s[j] < 0x20) {
			j++
		}
		b.WriteString(s[i:j])
		if j >= len(s) {
			return "", 0, d.fail("Unterminated string starting at", begin)
		}
		switch s[j] {
		case '"':
			return b.String(), j + 1, nil
		case '\\':
		default:
			return "", 0, d.fail("Invalid control character at", j)
		}
		j++ // past the backslash
		if j >= len(s) {
			return "", 0, d.fail("Unterminated string starting at", begin)
		}
		esc := s[j]
		if esc == 'u' {
			r, end, err := d.unicodeEscape(j)
			if err != nil {
				return "", 0, err
			}
			b.WriteRune(r)
			i = end
			continue
		}
		switch esc {
		case '"', '\\', '/':
			b.WriteByte(esc)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		default:
			return "", 0, d.fail(`Invalid \escape`, j-1)
		}
		i = j + 1
	}
}

// unicodeEscape reads \uXXXX (j at the u), joining a surrogate pair.
// A lone surrogate cannot live in a Go string and becomes U+FFFD.
func (d *jsonDecoder) unicodeEscape(j int) (rune, int, error) {
	r, ok := hex4(d.doc, j+1)
	if !ok {
		return 0, 0, d.fail(`Invalid \uXXXX escape`, j)
	}
	end := j + 5
	if utf16.IsSurrogate(r) && r < 0xdc00 && strings.HasPrefix(d.doc[end:], `\u`) {
		if lo, ok := hex4(d.doc, end+2); ok && lo >= 0xdc00 && lo <= 0xdfff {
			return utf16.DecodeRune(r, lo), end + 6, nil
		}
	}
	if utf16.IsSurrogate(r) {
		return utf8.RuneError, end, nil
	}
	return r, end, nil
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}

// object reads the members of an object whose { is just before i.
func (d *jsonDecoder) object(i, depth int) (py.Object, int, error) {
	s := d.doc
	var keys, values []py.Object
	i = skipSpace(s, i)
	if i < len(s) && s[i] == '}' {
		v, err := d.finishObject(keys, values)
		return v, i + 1, err
	}
	for {
		if i >= len(s) || s[i] != '"' {
			return nil, 0, d.fail("Expecting property name enclosed in double quotes", i)
		}
		key, end, err := d.str(i + 1)
		if err != nil {
			return nil, 0, err
		}
		i = skipSpace(s, end)
		if i >= len(s) || s[i] != ':' {
			return nil, 0, d.fail("Expecting ':' delimiter", i)
		}
		i = skipSpace(s, i+1)
		v, end, err := d.value(i, depth)
		if err != nil {
			return nil, 0, err
		}
		keys = append(keys, py.String(key))
		values = append(values, v)
		i = skipSpace(s, end)
		if i < len(s) && s[i] == '}' {
			obj, err := d.finishObject(keys, values)
			return obj, i + 1, err
		}
		if i >= len(s) || s[i] != ',' {
			return nil, 0, d.fail("Expecting ',' delimiter", i)
		}
		i = skipSpace(s, i+1)
	}
}

// finishObject builds the object through the hooks, as json.loads does.
func (d *jsonDecoder) finishObject(keys, values []py.Object) (py.Object, error) {
	if d.pairsHook != nil {
		pairs := make([]py.Object, len(keys))
		for i := range keys {
			pairs[i] = py.Tuple{keys[i], values[i]}
		}
		return py.Call(d.pairsHook, py.Tuple{newList(pairs)}, nil)
	}
	obj, err := makeDict(keys, values)
	if err != nil || d.objectHook == nil {
		return obj, err
	}
	return py.Call(d.objectHook, py.Tuple{obj}, nil)
}

// array reads the elements of an array whose [ is just before i.
func (d *jsonDecoder) array(i, depth int) (py.Object, int, error) {
	s := d.doc
	var elems []py.Object
	i = skipSpace(s, i)
	if i < len(s) && s[i] == ']' {
		return newList(elems), i + 1, nil
	}
	for {
		v, end, err := d.value(i, depth)
		if err != nil {
			return nil, 0, err
		}
		elems = append(elems, v)
		i = skipSpace(s, end)
		if i < len(s) && s[i] == ']' {
			return newList(elems), i + 1, nil
		}
		if i >= len(s) || s[i] != ',' {
			return nil, 0, d.fail("Expecting ',' delimiter", i)
		}
		i = skipSpace(s, i+1)
	}
}
