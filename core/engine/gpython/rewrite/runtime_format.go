package rewrite

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// formatField is __gowsgi_format__(value[, spec[, conversion]]), one
// replacement field of an f-string: the conversion (!s, !r, !a) first,
// then format(value, spec) as the builtins module of the running context
// defines it.
func formatField(self py.Object, args py.Tuple) (py.Object, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, py.ExceptionNewf(py.TypeError, "%s expected 1 to 3 arguments, got %d", helperFormat, len(args))
	}
	value := args[0]
	spec := py.String("")
	if len(args) > 1 {
		s, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "format spec must be a str, not %s", args[1].Type().Name)
		}
		spec = s
	}
	if len(args) > 2 {
		converted, err := convertField(value, args[2])
		if err != nil {
			return nil, err
		}
		value = converted
	}
	if spec == "" {
		switch v := value.(type) {
		case py.String:
			return v, nil
		case py.Int, py.Bool, py.NoneType:
			return py.Str(v)
		}
	}
	builtins, ok := self.(*py.Module)
	if !ok {
		return nil, py.ExceptionNewf(py.SystemError, "%s called without its module", helperFormat)
	}
	format, ok := builtins.Globals["format"]
	if !ok {
		if spec == "" {
			return py.Str(value)
		}
		return nil, py.ExceptionNewf(py.NameError, "name 'format' is not defined")
	}
	return py.Call(format, py.Tuple{value, spec}, nil)
}

// convertField applies an f-string conversion character.
func convertField(value, conversion py.Object) (py.Object, error) {
	switch conversion {
	case py.String("s"):
		return py.Str(value)
	case py.String("r"):
		return py.Repr(value)
	case py.String("a"):
		r, err := py.ReprAsString(value)
		if err != nil {
			return nil, err
		}
		return py.String(asciiEscape(r)), nil
	}
	return nil, py.ExceptionNewf(py.ValueError, "unknown f-string conversion %s", py.DebugRepr(conversion))
}

// asciiEscape is what ascii() does to a repr: every non-ASCII character
// becomes an escape.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}
