package pyext

import (
	"math/big"
	"strings"

	"github.com/go-python/gpython/py"
)

// unpack binds positional and keyword arguments to dst in the order of
// names; the first min are required. fn is the qualified name
// ("str.find"; plain for builtins). With keywords false the function is
// positional-only, as most of CPython's str and bytes methods are.
// Unfilled slots keep whatever dst held (the default). The messages
// follow CPython's three argument-checking styles: single-argument
// methods, positional-only methods, and methods taking keywords.
func unpack(fn string, args py.Tuple, kwargs py.StringDict, min int, names []string, keywords bool, dst ...*py.Object) error {
	name, max := shortName(fn), len(names)
	if !keywords {
		if len(kwargs) > 0 {
			return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", fn)
		}
		if min == 1 && max == 1 && len(args) != 1 {
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", fn, len(args))
		}
		if len(args) < min || len(args) > max {
			return positionalCountError(name, min, max, len(args))
		}
	} else if len(args)+len(kwargs) > max {
		return py.ExceptionNewf(py.TypeError, "%s() takes at most %d argument%s (%d given)", name, max, plural(max), len(args)+len(kwargs))
	}
	for i, a := range args {
		*dst[i] = a
	}
	for k, v := range kwargs {
		i := indexOf(names, k)
		if i < 0 {
			return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, name)
		}
		if i < len(args) {
			return py.ExceptionNewf(py.TypeError, "argument for %s() given by name ('%s') and position (%d)", name, k, i+1)
		}
		*dst[i] = v
	}
	for i := len(args); i < min; i++ {
		if _, given := kwargs[names[i]]; !given {
			return py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s' (pos %d)", name, names[i], i+1)
		}
	}
	return nil
}

// unpackVarargs is unpack for the methods CPython still checks the old
// way (find, count, startswith...), whose count errors read "find()
// takes at least 1 argument (0 given)".
func unpackVarargs(fn string, args py.Tuple, kwargs py.StringDict, min int, names []string, dst ...*py.Object) error {
	if len(kwargs) == 0 {
		name := shortName(fn)
		if len(args) < min {
			return py.ExceptionNewf(py.TypeError, "%s() takes at least %d argument%s (%d given)", name, min, plural(min), len(args))
		}
		if len(args) > len(names) {
			return py.ExceptionNewf(py.TypeError, "%s() takes at most %d argument%s (%d given)", name, len(names), plural(len(names)), len(args))
		}
	}
	return unpack(fn, args, kwargs, min, names, false, dst...)
}

// positionalCountError words a wrong argument count the way CPython's
// positional-only functions do ("center expected at least 1 argument").
func positionalCountError(name string, min, max, given int) error {
	switch {
	case min == max:
		return py.ExceptionNewf(py.TypeError, "%s expected %d argument%s, got %d", name, min, plural(min), given)
	case given < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument%s, got %d", name, min, plural(min), given)
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument%s, got %d", name, max, plural(max), given)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// shortName drops the type from a qualified method name.
func shortName(fn string) string {
	if i := strings.LastIndexByte(fn, '.'); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// keywordOnly binds keyword-only arguments such as sort's key and reverse.
func keywordOnly(fn string, kwargs py.StringDict, names []string, dst ...*py.Object) error {
	for k, v := range kwargs {
		i := indexOf(names, k)
		if i < 0 {
			return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, fn)
		}
		*dst[i] = v
	}
	return nil
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// noArgs checks a method that takes nothing.
func noArgs(fn string, args py.Tuple, kwargs py.StringDict) error {
	if len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", fn)
	}
	if len(args) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", fn, len(args))
	}
	return nil
}

// toInt converts an integer-like argument (int, bool, anything with
// __index__) to a Go int, saturating values too big for one: callers
// use it for positions and counts, which such values clamp anyway.
func toInt(o py.Object) (int, error) {
	switch v := o.(type) {
	case py.Int:
		return int(v), nil
	case py.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		b := (*big.Int)(v)
		if b.IsInt64() {
			return int(b.Int64()), nil
		}
		if b.Sign() < 0 {
			return minInt, nil
		}
		return maxInt, nil
	case py.Float:
		return 0, py.ExceptionNewf(py.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := py.Index(o)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", typeName(o))
	}
	return int(i), nil
}

const (
	maxInt = int(^uint(0) >> 1)
	minInt = -maxInt - 1
)

// optInt is toInt with None (or an absent argument) meaning def.
func optInt(o py.Object, def int) (int, error) {
	if o == nil || o == py.None {
		return def, nil
	}
	return toInt(o)
}

// sliceBounds clamps start and end (None meaning the whole sequence) the
// way str.find and friends do: negatives count from the end, end is
// capped at n, start may stay past the end.
func sliceBounds(startObj, endObj py.Object, n int) (int, int, error) {
	start, err := optInt(startObj, 0)
	if err != nil {
		return 0, 0, err
	}
	end, err := optInt(endObj, n)
	if err != nil {
		return 0, 0, err
	}
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end, nil
}
