package pyext

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// padArgs reads (width[, fillchar]) of ljust, rjust and center.
func padArgs(fn string, args py.Tuple, kwargs py.StringDict) (int, string, error) {
	var widthObj, fillObj py.Object = nil, py.String(" ")
	if err := unpack(fn, args, kwargs, 1, []string{"width", "fillchar"}, false, &widthObj, &fillObj); err != nil {
		return 0, "", err
	}
	width, err := toInt(widthObj)
	if err != nil {
		return 0, "", err
	}
	fill, ok := fillObj.(py.String)
	if !ok {
		return 0, "", py.ExceptionNewf(py.TypeError, "The fill character must be a unicode character, not %s", typeName(fillObj))
	}
	if runeLen(string(fill)) != 1 {
		return 0, "", py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
	}
	return width, string(fill), nil
}

func strLjust(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	width, fill, err := padArgs("str.ljust", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(pad(string(s), width, fill, '<')), nil
}

func strRjust(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	width, fill, err := padArgs("str.rjust", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(pad(string(s), width, fill, '>')), nil
}

func strCenter(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	width, fill, err := padArgs("str.center", args, kwargs)
	if err != nil {
		return nil, err
	}
	// str.center puts an odd extra fill character on the left when the
	// width is odd, unlike format's '^' which always puts it right.
	n := runeLen(string(s))
	if width <= n {
		return s, nil
	}
	margin := width - n
	left := margin/2 + (margin & width & 1)
	return py.String(strings.Repeat(fill, left) + string(s) + strings.Repeat(fill, margin-left)), nil
}

// pad aligns s in width characters of fill: '<' left, '>' right, '^'
// centered with any odd character on the right.
func pad(s string, width int, fill string, align byte) string {
	n := runeLen(s)
	if width <= n {
		return s
	}
	margin := width - n
	switch align {
	case '<':
		return s + strings.Repeat(fill, margin)
	case '^':
		left := margin / 2
		return strings.Repeat(fill, left) + s + strings.Repeat(fill, margin-left)
	}
	return strings.Repeat(fill, margin) + s
}

func strZfill(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var widthObj py.Object
	if err := unpack("str.zfill", args, kwargs, 1, []string{"width"}, false, &widthObj); err != nil {
		return nil, err
	}
	width, err := toInt(widthObj)
	if err != nil {
		return nil, err
	}
	str := string(s)
	n := runeLen(str)
	if width <= n {
		return s, nil
	}
	sign := ""
	if str != "" && (str[0] == '+' || str[0] == '-') {
		sign, str = str[:1], str[1:]
	}
	return py.String(sign + strings.Repeat("0", width-n) + str), nil
}

func strExpandtabs(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var sizeObj py.Object = py.Int(8)
	if err := unpack("str.expandtabs", args, kwargs, 0, []string{"tabsize"}, true, &sizeObj); err != nil {
		return nil, err
	}
	size, err := toInt(sizeObj)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	col := 0
	for _, r := range string(s) {
		switch r {
		case '\t':
			if size > 0 {
				spaces := size - col%size
				b.WriteString(strings.Repeat(" ", spaces))
				col += spaces
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return py.String(b.String()), nil
}
