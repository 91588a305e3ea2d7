package pyext

import (
	"math/big"

	"github.com/go-python/gpython/py"
)

// Format is format(value, spec): CPython's format-specification
// mini-language for str, int, bool and float, a Python class's own
// __format__, and str(value) for everything else when spec is empty.
func Format(value py.Object, spec string) (py.String, error) {
	s, err := formatValue(value, spec)
	return py.String(s), err
}

func formatValue(value py.Object, spec string) (string, error) {
	switch v := value.(type) {
	case py.String:
		return formatStr(string(v), spec)
	case py.Bool:
		if spec == "" {
			return strOf(v)
		}
		n := int64(0)
		if v {
			n = 1
		}
		return formatInt(big.NewInt(n), spec, "bool")
	case py.Int:
		return formatInt(big.NewInt(int64(v)), spec, "int")
	case *py.BigInt:
		return formatInt((*big.Int)(v), spec, "int")
	case py.Float:
		return formatFloat(float64(v), spec)
	}
	if res, found, err := callSpecial(value, "__format__", py.String(spec)); found {
		if err != nil {
			return "", err
		}
		s, ok := res.(py.String)
		if !ok {
			return "", py.ExceptionNewf(py.TypeError, "__format__ must return a str, not %s", typeName(res))
		}
		return string(s), nil
	}
	if spec != "" {
		return "", py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", typeName(value))
	}
	return strOf(value)
}
