package pyext

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// PercentFormat is format % args, printf-style formatting with CPython's
// rules: args is a tuple of values, a mapping for %(name)s fields, or a
// single value; conversions s r a d i u o x X e E f F g G c and %%, with
// the flags - + space # 0, a width and a precision (either may be *).
func PercentFormat(format string, args py.Object) (string, error) {
	p := percentFormatter{format: format, mapping: nil}
	if t, ok := args.(py.Tuple); ok {
		p.values = t
	} else {
		p.values = py.Tuple{args}
		if isMappingLike(args) {
			p.mapping = args
		}
	}
	var b strings.Builder
	for p.pos < len(format) {
		next := strings.IndexByte(format[p.pos:], '%')
		if next < 0 {
			b.WriteString(format[p.pos:])
			break
		}
		b.WriteString(format[p.pos : p.pos+next])
		p.pos += next + 1
		s, err := p.field()
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if p.used < len(p.values) && p.mapping == nil {
		return "", py.ExceptionNewf(py.TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// isMappingLike is what CPython accepts as the mapping of %(name)s: an
// object with __getitem__ that is neither a tuple nor a str.
func isMappingLike(o py.Object) bool {
	switch o.(type) {
	case py.Tuple, py.String:
		return false
	case py.I__getitem__:
		return true
	}
	if inst, ok := asInstance(o); ok {
		return inst.Type().Lookup("__getitem__") != nil
	}
	return false
}

type percentFormatter struct {
	format  string
	pos     int
	values  py.Tuple
	used    int       // values consumed
	mapping py.Object // set when args may serve %(name)s fields
	keyed   bool      // a %(name)s field was seen
}

// percentSpec is one conversion specifier.
type percentSpec struct {
	minus, plus, space, alternate, zero bool
	width, precision                    int // -1 when absent
	conversion                          byte
}

// next takes the next positional value.
func (p *percentFormatter) next() (py.Object, error) {
	if p.keyed {
		return nil, py.ExceptionNewf(py.TypeError, "format requires a mapping")
	}
	if p.used >= len(p.values) {
		return nil, py.ExceptionNewf(py.TypeError, "not enough arguments for format string")
	}
	v := p.values[p.used]
	p.used++
	return v, nil
}

// field reads the specifier after a '%' and formats its value.
func (p *percentFormatter) field() (string, error) {
	f := p.format
	var key py.Object
	if p.pos < len(f) && f[p.pos] == '(' {
		end, err := p.mappingKey()
		if err != nil {
			return "", err
		}
		key = py.String(f[p.pos+1 : end])
		p.pos = end + 1
	}
	spec := percentSpec{width: -1, precision: -1}
	p.flags(&spec)
	var err error
	if spec.width, err = p.number("width"); err != nil {
		return "", err
	}
	if spec.width < -1 { // a negative * width means left-justified
		spec.minus, spec.width = true, -spec.width
	}
	if p.pos < len(f) && f[p.pos] == '.' {
		p.pos++
		if spec.precision, err = p.number("precision"); err != nil {
			return "", err
		}
		spec.precision = max(spec.precision, 0)
	}
	for p.pos < len(f) && (f[p.pos] == 'h' || f[p.pos] == 'l' || f[p.pos] == 'L') {
		p.pos++
	}
	if p.pos >= len(f) {
		return "", py.ExceptionNewf(py.ValueError, "incomplete format")
	}
	spec.conversion = f[p.pos]
	at := p.pos
	p.pos++
	if spec.conversion == '%' {
		return "%", nil
	}
	value, err := p.value(key)
	if err != nil {
		return "", err
	}
	return formatPercent(value, spec, f, at)
}

// flags reads the conversion flags at p.pos.
func (p *percentFormatter) flags(spec *percentSpec) {
	for ; p.pos < len(p.format); p.pos++ {
		switch p.format[p.pos] {
		case '-':
			spec.minus = true
		case '+':
			spec.plus = true
		case ' ':
			spec.space = true
		case '#':
			spec.alternate = true
		case '0':
			spec.zero = true
		default:
			return
		}
	}
}

// mappingKey finds the ')' closing the key at p.pos, allowing nested
// parentheses as CPython does.
func (p *percentFormatter) mappingKey() (int, error) {
	if p.mapping == nil {
		return 0, py.ExceptionNewf(py.TypeError, "format requires a mapping")
	}
	depth := 0
	for i := p.pos; i < len(p.format); i++ {
		switch p.format[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				p.keyed = true
				return i, nil
			}
		}
	}
	return 0, py.ExceptionNewf(py.ValueError, "incomplete format key")
}

// number reads a width or precision: digits, or * for the next value.
// It returns -1 when there is none.
func (p *percentFormatter) number(what string) (int, error) {
	f := p.format
	if p.pos < len(f) && f[p.pos] == '*' {
		p.pos++
		v, err := p.next()
		if err != nil {
			return 0, err
		}
		n, ok := v.(py.Int)
		if !ok {
			return 0, py.ExceptionNewf(py.TypeError, "* wants int")
		}
		if what == "width" && n < 0 {
			return int(n) - 1, nil // marks left justification
		}
		return int(n), nil
	}
	start := p.pos
	for p.pos < len(f) && f[p.pos] >= '0' && f[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == start {
		if what == "precision" {
			return 0, nil
		}
		return -1, nil
	}
	n := 0
	for _, c := range f[start:p.pos] {
		n = n*10 + int(c-'0')
		if n > math.MaxInt32 {
			return 0, py.ExceptionNewf(py.ValueError, "%s too big", what)
		}
	}
	return n, nil
}

// value is the value a field formats: from the mapping for a keyed
// field, else the next positional value.
func (p *percentFormatter) value(key py.Object) (py.Object, error) {
	if key == nil {
		return p.next()
	}
	return getItem(p.mapping, key)
}

// formatPercent formats one value; f and at locate the conversion
// character for error messages.
func formatPercent(v py.Object, spec percentSpec, f string, at int) (string, error) {
	switch spec.conversion {
	case 's', 'r', 'a':
		return formatPercentText(v, spec)
	case 'd', 'i', 'u', 'o', 'x', 'X':
		return formatPercentInt(v, spec)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		return formatPercentFloat(v, spec)
	case 'c':
		return formatPercentChar(v, spec)
	}
	r, _ := utf8.DecodeRuneInString(f[at:])
	return "", py.ExceptionNewf(py.ValueError, "unsupported format character '%c' (0x%x) at index %d", r, r, utf8.RuneCountInString(f[:at]))
}

func formatPercentText(v py.Object, spec percentSpec) (string, error) {
	var s string
	var err error
	switch spec.conversion {
	case 's':
		s, err = Str(v)
	case 'r':
		s, err = Repr(v)
	default:
		s, err = Repr(v)
		s = asciiEscape(s)
	}
	if err != nil {
		return "", err
	}
	if spec.precision >= 0 && utf8.RuneCountInString(s) > spec.precision {
		s = string([]rune(s)[:spec.precision])
	}
	return padText(s, spec.width, spec.minus), nil
}

// padText justifies s in width columns: right, or left with '-'.
func padText(s string, width int, left bool) string {
	n := utf8.RuneCountInString(s)
	if width <= n {
		return s
	}
	pad := strings.Repeat(" ", width-n)
	if left {
		return s + pad
	}
	return pad + s
}

// percentInt converts v for an integer conversion: %d accepts any real
// number and truncates it, %o %x %X want an integer.
func percentInt(v py.Object, conversion byte) (*big.Int, error) {
	switch x := v.(type) {
	case py.Int:
		return big.NewInt(int64(x)), nil
	case py.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case *py.BigInt:
		return (*big.Int)(x), nil
	case py.Float:
		if conversion == 'o' || conversion == 'x' || conversion == 'X' {
			break
		}
		f := float64(x)
		switch {
		case math.IsNaN(f):
			return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
		case math.IsInf(f, 0):
			return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
		}
		n, _ := new(big.Float).SetFloat64(math.Trunc(f)).Int(nil)
		return n, nil
	default:
		if i, err := py.Index(v); err == nil {
			return big.NewInt(int64(i)), nil
		}
	}
	if conversion == 'd' || conversion == 'i' || conversion == 'u' {
		return nil, py.ExceptionNewf(py.TypeError, "%%%c format: a real number is required, not %s", conversion, typeName(v))
	}
	return nil, py.ExceptionNewf(py.TypeError, "%%%c format: an integer is required, not %s", conversion, typeName(v))
}

func formatPercentInt(v py.Object, spec percentSpec) (string, error) {
	var digits string
	var negative bool
	if i, ok := v.(py.Int); ok && i != math.MinInt64 {
		// The common case, without big numbers.
		negative = i < 0
		digits = strconv.FormatUint(uint64(max(i, -i)), percentBase(spec.conversion))
	} else {
		n, err := percentInt(v, spec.conversion)
		if err != nil {
			return "", err
		}
		negative = n.Sign() < 0
		digits = new(big.Int).Abs(n).Text(percentBase(spec.conversion))
	}
	var prefix string
	switch spec.conversion {
	case 'o':
		prefix = "0o"
	case 'x':
		prefix = "0x"
	case 'X':
		digits, prefix = strings.ToUpper(digits), "0X"
	}
	if !spec.alternate {
		prefix = ""
	}
	if spec.precision > len(digits) {
		digits = strings.Repeat("0", spec.precision-len(digits)) + digits
	}
	return padNumber(signOf(negative, spec), prefix, digits, spec, true), nil
}

func percentBase(conversion byte) int {
	switch conversion {
	case 'o':
		return 8
	case 'x', 'X':
		return 16
	}
	return 10
}

func signOf(negative bool, spec percentSpec) string {
	switch {
	case negative:
		return "-"
	case spec.plus:
		return "+"
	case spec.space:
		return " "
	}
	return ""
}

// padNumber lays out sign, prefix and digits in the field width: left
// justified with '-', zero-filled after the sign with '0' (when the value
// is finite), right justified otherwise.
func padNumber(sign, prefix, body string, spec percentSpec, finite bool) string {
	s := sign + prefix + body
	fill := spec.width - utf8.RuneCountInString(s)
	switch {
	case fill <= 0:
		return s
	case spec.minus:
		return s + strings.Repeat(" ", fill)
	case spec.zero && finite:
		return sign + prefix + strings.Repeat("0", fill) + body
	}
	return strings.Repeat(" ", fill) + s
}

func formatPercentFloat(v py.Object, spec percentSpec) (string, error) {
	var x float64
	switch n := v.(type) {
	case py.Float:
		x = float64(n)
	case py.Int:
		x = float64(n)
	case py.Bool:
		if n {
			x = 1
		}
	case *py.BigInt:
		f, acc := new(big.Float).SetInt((*big.Int)(n)).Float64()
		if math.IsInf(f, 0) && acc != big.Exact {
			return "", py.ExceptionNewf(py.OverflowError, "int too large to convert to float")
		}
		x = f
	default:
		f, err := py.MakeFloat(v)
		if err != nil {
			return "", py.ExceptionNewf(py.TypeError, "must be real number, not %s", typeName(v))
		}
		x = float64(f.(py.Float))
	}
	kind := spec.conversion | 0x20 // lower case
	negative := math.Signbit(x) && !math.IsNaN(x)
	var body string
	finite := !math.IsNaN(x) && !math.IsInf(x, 0)
	switch {
	case math.IsNaN(x):
		body = "nan"
	case math.IsInf(x, 0):
		body = "inf"
	default:
		precision := spec.precision
		if precision < 0 {
			precision = 6
		}
		body = floatDigits(math.Abs(x), kind, precision, spec.alternate)
	}
	if spec.conversion != kind {
		body = strings.ToUpper(body)
	}
	return padNumber(signOf(negative, spec), "", body, spec, finite), nil
}

func formatPercentChar(v py.Object, spec percentSpec) (string, error) {
	var s string
	switch x := v.(type) {
	case py.String:
		if utf8.RuneCountInString(string(x)) != 1 {
			return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
		}
		s = string(x)
	case py.Int, py.Bool, *py.BigInt:
		n, err := percentInt(x, 'd')
		if err != nil {
			return "", err
		}
		if !n.IsInt64() || n.Int64() < 0 || n.Int64() > 0x10ffff {
			return "", py.ExceptionNewf(py.OverflowError, "%%c arg not in range(0x110000)")
		}
		s = string(rune(n.Int64()))
	default:
		return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
	}
	return padText(s, spec.width, spec.minus), nil
}
