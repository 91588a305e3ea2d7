package pyext

import (
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// templateFormatter expands a str.format template: literal text, {{ and
// }} escapes, and replacement fields {name!conversion:spec} whose spec may
// itself hold one level of nested fields.
type templateFormatter struct {
	args    py.Tuple
	keyword func(name string) (py.Object, error)
	next    int // next automatic field number
	// numbering is 'a' once a field was numbered automatically and 'm'
	// once one was numbered by hand; CPython forbids mixing the two.
	numbering byte
}

func strFormat(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f := &templateFormatter{args: args, keyword: func(name string) (py.Object, error) {
		if v, ok := kwargs[name]; ok {
			return v, nil
		}
		return nil, keyError(py.String(name))
	}}
	out, err := f.render(string(s), 2)
	return py.String(out), err
}

func strFormatMap(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var mapping py.Object
	if err := unpack("str.format_map", args, kwargs, 1, []string{"mapping"}, false, &mapping); err != nil {
		return nil, err
	}
	f := &templateFormatter{keyword: func(name string) (py.Object, error) {
		return getItem(mapping, py.String(name))
	}}
	out, err := f.render(string(s), 2)
	return py.String(out), err
}

// render expands tmpl; depth counts how many more levels of nesting are
// allowed.
func (f *templateFormatter) render(tmpl string, depth int) (string, error) {
	if depth <= 0 {
		return "", py.ExceptionNewf(py.ValueError, "Max string recursion exceeded")
	}
	var out strings.Builder
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		if c != '{' && c != '}' {
			j := strings.IndexAny(tmpl[i:], "{}")
			if j < 0 {
				j = len(tmpl) - i
			}
			out.WriteString(tmpl[i : i+j])
			i += j
			continue
		}
		if i+1 < len(tmpl) && tmpl[i+1] == c {
			out.WriteByte(c)
			i += 2
			continue
		}
		if c == '}' {
			return "", py.ExceptionNewf(py.ValueError, "Single '}' encountered in format string")
		}
		if i+1 == len(tmpl) {
			return "", py.ExceptionNewf(py.ValueError, "Single '{' encountered in format string")
		}
		field, n, err := scanField(tmpl[i+1:])
		if err != nil {
			return "", err
		}
		text, err := f.expand(field, depth)
		if err != nil {
			return "", err
		}
		out.WriteString(text)
		i += 1 + n
	}
	return out.String(), nil
}

// replacementField is one {name!conversion:spec} taken apart.
type replacementField struct {
	name       string
	conversion byte // 0 when absent
	spec       string
}

// scanField reads a field from just after its '{' and returns it with
// the number of bytes it used, closing '}' included.
func scanField(s string) (replacementField, int, error) {
	var f replacementField
	i := 0
scan:
	for i < len(s) {
		switch s[i] {
		case '{':
			return f, 0, py.ExceptionNewf(py.ValueError, "unexpected '{' in field name")
		case '[':
			for i < len(s) && s[i] != ']' {
				i++
			}
			continue
		case '}', ':', '!':
			break scan
		}
		i++
	}
	if i == len(s) {
		return f, 0, py.ExceptionNewf(py.ValueError, "expected '}' before end of string")
	}
	f.name = s[:i]
	if s[i] == '}' {
		return f, i + 1, nil
	}
	if s[i] == '!' {
		if i+1 == len(s) {
			return f, 0, py.ExceptionNewf(py.ValueError, "end of string while looking for conversion specifier")
		}
		f.conversion = s[i+1]
		i += 2
		if i < len(s) {
			if s[i] == '}' {
				return f, i + 1, nil
			}
			if s[i] != ':' {
				return f, 0, py.ExceptionNewf(py.ValueError, "expected ':' after conversion specifier")
			}
		}
	}
	// s[i] is the ':' (or the end); the spec runs to the matching '}'.
	start := i + 1
	open := 1
	for j := start; j < len(s); j++ {
		switch s[j] {
		case '{':
			open++
		case '}':
			open--
			if open == 0 {
				f.spec = s[start:j]
				return f, j + 1, nil
			}
		}
	}
	return f, 0, py.ExceptionNewf(py.ValueError, "unmatched '{' in format spec")
}

// expand looks up, converts and formats one field.
func (f *templateFormatter) expand(field replacementField, depth int) (string, error) {
	value, err := f.lookup(field.name)
	if err != nil {
		return "", err
	}
	if field.conversion != 0 {
		if value, err = convertField(value, field.conversion); err != nil {
			return "", err
		}
	}
	spec := field.spec
	if strings.ContainsAny(spec, "{}") {
		if spec, err = f.render(spec, depth-1); err != nil {
			return "", err
		}
	}
	return formatValue(value, spec)
}

func convertField(value py.Object, conversion byte) (py.Object, error) {
	switch conversion {
	case 'r':
		s, err := reprOf(value)
		return py.String(s), err
	case 's':
		s, err := strOf(value)
		return py.String(s), err
	case 'a':
		s, err := reprOf(value)
		return py.String(asciiEscape(s)), err
	}
	return nil, py.ExceptionNewf(py.ValueError, "Unknown conversion specifier %c", conversion)
}

// lookup resolves a field name: an argument chosen by position, keyword or
// automatic numbering, then any .attribute and [key] parts.
func (f *templateFormatter) lookup(name string) (py.Object, error) {
	first := name
	if i := strings.IndexAny(name, ".["); i >= 0 {
		first = name[:i]
	}
	rest := name[len(first):]
	var obj py.Object
	var err error
	switch {
	case first == "":
		if f.numbering == 'm' {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		f.numbering = 'a'
		obj, err = f.positional(f.next)
		f.next++
	case isDecimalString(first):
		if f.numbering == 'a' {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		f.numbering = 'm'
		n, convErr := strconv.Atoi(first)
		if convErr != nil {
			return nil, py.ExceptionNewf(py.ValueError, "Too many decimal digits in format string")
		}
		obj, err = f.positional(n)
	default:
		obj, err = f.keyword(first)
	}
	if err != nil {
		return nil, err
	}
	return resolveParts(obj, rest)
}

func (f *templateFormatter) positional(n int) (py.Object, error) {
	if n >= len(f.args) {
		return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", n)
	}
	return f.args[n], nil
}

// resolveParts follows .attribute and [key] parts; a key of digits is an
// int, any other key a str.
func resolveParts(obj py.Object, rest string) (py.Object, error) {
	for rest != "" {
		var err error
		switch rest[0] {
		case '.':
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			attr := rest[1 : 1+end]
			if attr == "" {
				return nil, py.ExceptionNewf(py.ValueError, "Empty attribute in format string")
			}
			if obj, err = getAttr(obj, attr); err != nil {
				return nil, err
			}
			rest = rest[1+end:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "Missing ']' in format string")
			}
			keyText := rest[1:end]
			if keyText == "" {
				return nil, py.ExceptionNewf(py.ValueError, "Empty attribute in format string")
			}
			var key py.Object = py.String(keyText)
			if isDecimalString(keyText) {
				if n, convErr := strconv.Atoi(keyText); convErr == nil {
					key = py.Int(n)
				}
			}
			if obj, err = getItem(obj, key); err != nil {
				return nil, err
			}
			rest = rest[end+1:]
		default:
			return nil, py.ExceptionNewf(py.ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return obj, nil
}

func isDecimalString(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// asciiEscape is ascii()'s escaping of a repr: non-ASCII characters as
// \x, \u or \U escapes.
func asciiEscape(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + hexDigits(uint64(r), 2))
		case r <= 0xffff:
			b.WriteString(`\u` + hexDigits(uint64(r), 4))
		default:
			b.WriteString(`\U` + hexDigits(uint64(r), 8))
		}
	}
	return b.String()
}

// hexDigits is v in lowercase hex, zero-padded to width digits.
func hexDigits(v uint64, width int) string {
	s := strconv.FormatUint(v, 16)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	return s
}
