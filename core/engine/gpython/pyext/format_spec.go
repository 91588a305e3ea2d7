package pyext

import (
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// formatSpec is a parsed format specification:
// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
type formatSpec struct {
	fill      rune
	fillSet   bool
	align     byte // '<', '>', '^', '=' or 0 for the type's default
	sign      byte // '+', '-', ' ' or 0
	noNegZero bool // 'z'
	alternate bool // '#'
	width     int  // -1 when absent
	grouping  byte // ',', '_' or 0
	precision int  // -1 when absent
	kind      byte // presentation type, 0 when absent
}

// parseSpec reads spec for a value of the named type; numeric tells
// whether the '0' flag means '=' alignment (numbers) or not (strings).
func parseSpec(spec, forType string, numeric bool) (formatSpec, error) {
	f := formatSpec{fill: ' ', width: -1, precision: -1}
	s := spec
	if r, size := utf8.DecodeRuneInString(s); size > 0 && len(s) > size && isAlign(s[size]) {
		f.fill, f.fillSet, f.align = r, true, s[size]
		s = s[size+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		f.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		f.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		f.noNegZero = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		f.alternate = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' && !f.fillSet {
		f.fill, f.fillSet = '0', true
		if f.align == 0 && numeric {
			f.align = '='
		}
		s = s[1:]
	}
	var ok bool
	if f.width, s, ok = readNumber(s); !ok {
		return f, tooManyDigits()
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		f.grouping = s[0]
		s = s[1:]
		if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
			if s[0] == f.grouping {
				return f, py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with '%c'.", f.grouping, f.grouping)
			}
			return f, py.ExceptionNewf(py.ValueError, "Cannot specify both ',' and '_'.")
		}
	}
	if len(s) > 0 && s[0] == '.' {
		if f.precision, s, ok = readNumber(s[1:]); !ok {
			return f, tooManyDigits()
		}
		if f.precision < 0 {
			return f, py.ExceptionNewf(py.ValueError, "Format specifier missing precision")
		}
	}
	if len(s) > 1 {
		return f, py.ExceptionNewf(py.ValueError, "Invalid format specifier '%s' for object of type '%s'", spec, forType)
	}
	if len(s) == 1 {
		f.kind = s[0]
	}
	if f.grouping != 0 {
		if err := checkGrouping(f); err != nil {
			return f, err
		}
	}
	return f, nil
}

func isAlign(c byte) bool {
	return c == '<' || c == '>' || c == '^' || c == '='
}

// readNumber reads leading decimal digits: -1 when there are none, ok
// false when they overflow.
func readNumber(s string) (int, string, bool) {
	n, i := -1, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if n < 0 {
			n = 0
		}
		n = n*10 + int(s[i]-'0')
		if n > 1<<30 {
			return 0, s, false
		}
	}
	return n, s[i:], true
}

func tooManyDigits() error {
	return py.ExceptionNewf(py.ValueError, "Too many decimal digits in format string")
}

// checkGrouping rejects separators with presentation types that have no
// digit groups ('n' groups by locale, which CPython keeps apart).
func checkGrouping(f formatSpec) error {
	switch f.kind {
	case 0, 'd', 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return nil
	case 'b', 'o', 'x', 'X':
		if f.grouping == '_' {
			return nil
		}
	}
	if f.kind >= 0x20 && f.kind < 0x7f {
		return py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with '%c'.", f.grouping, f.kind)
	}
	return py.ExceptionNewf(py.ValueError, "Cannot specify '%c' with '\\x%x'.", f.grouping, f.kind)
}

func unknownCode(kind byte, forType string) error {
	if kind >= 0x20 && kind < 0x7f {
		return py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type '%s'", kind, forType)
	}
	return py.ExceptionNewf(py.ValueError, "Unknown format code '\\x%x' for object of type '%s'", kind, forType)
}
