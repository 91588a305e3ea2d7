package pymod

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// parseArgs binds positional and keyword arguments to names, the first
// `required` of which must be given. Unset optional results keep the
// value the caller put there as default.
func parseArgs(fname string, args py.Tuple, kwargs py.StringDict, names []string, required int, results ...*py.Object) error {
	format := strings.Repeat("O", required) + "|" + strings.Repeat("O", len(names)-required) + ":" + fname
	return py.ParseTupleAndKeywords(args, kwargs, format, names, results...)
}

func truth(o py.Object) (bool, error) {
	b, err := py.MakeBool(o)
	if err != nil {
		return false, err
	}
	return b == py.True, nil
}

// goInt converts an index-like argument (int or bool) to a Go int.
func goInt(o py.Object, what string) (int, error) {
	switch v := o.(type) {
	case py.Int:
		return int(v), nil
	case py.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	}
	i, err := py.IndexInt(o)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "%s must be an integer, not %s", what, o.Type().Name)
	}
	return i, nil
}

// optInt is goInt for an argument where None means def.
func optInt(o py.Object, def int, what string) (int, error) {
	if o == nil || o == py.None {
		return def, nil
	}
	return goInt(o, what)
}

func strArg(o py.Object, what string) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s must be str, not %s", what, o.Type().Name)
	}
	return string(s), nil
}

// items collects an iterable into a slice.
func items(o py.Object) ([]py.Object, error) {
	switch v := o.(type) {
	case py.Tuple:
		return v, nil
	case *py.List:
		return v.Items, nil
	}
	var out []py.Object
	err := py.Iterate(o, func(item py.Object) bool {
		out = append(out, item)
		return false
	})
	return out, err
}

// pair unpacks a two-item sequence.
func pair(o py.Object, what string) (py.Object, py.Object, error) {
	seq, err := items(o)
	if err != nil {
		return nil, nil, err
	}
	if len(seq) != 2 {
		return nil, nil, py.ExceptionNewf(py.ValueError, "%s has length %d; 2 is required", what, len(seq))
	}
	return seq[0], seq[1], nil
}

// callMethod calls obj.name(*args).
func callMethod(obj py.Object, name string, args ...py.Object) (py.Object, error) {
	fn, err := py.GetAttrString(obj, name)
	if err != nil {
		return nil, err
	}
	return py.Call(fn, py.Tuple(args), nil)
}

func reprOf(o py.Object) (string, error) {
	return py.ReprAsString(o)
}

func newList(objs []py.Object) *py.List {
	if objs == nil {
		return py.NewList()
	}
	return py.NewListFromItems(objs)
}

func itoa(i int) string { return strconv.Itoa(i) }

func itoaBase(i, base int) string { return strconv.FormatInt(int64(i), base) }

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
