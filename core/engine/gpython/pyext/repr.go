package pyext

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
)

// gpython's own reprs write a one-element tuple as (1), floats with %g
// (1e16 in full, inf as +Inf, -0.0 as 0.0), exceptions with Go quoting,
// and never look up __repr__ on a Python class's bases; its str() of an
// exception without arguments panics. Repr and Str write values as
// CPython does, containers item by item, and are what repr(), str(),
// print(), format() and %-formatting use.

// Repr is repr(obj) as CPython writes it.
func Repr(obj py.Object) (string, error) {
	return reprValue(obj, nil)
}

// Str is str(obj) as CPython writes it.
func Str(obj py.Object) (string, error) {
	switch v := obj.(type) {
	case py.String:
		return string(v), nil
	case py.Int, py.Bool, py.NoneType:
		return py.StrAsString(v)
	case *py.Exception:
		return exceptionStr(v)
	}
	if _, ok := asInstance(obj); ok {
		res, found, err := callSpecial(obj, "__str__")
		if !found {
			return Repr(obj)
		}
		return asResultString(res, err, "__str__")
	}
	if _, ok := obj.(*py.Type); ok {
		return Repr(obj)
	}
	if hasOwnStr(obj) {
		res, err := py.Str(obj)
		return asResultString(res, err, "__str__")
	}
	return Repr(obj)
}

// hasOwnStr reports the Go types whose str differs from their repr.
func hasOwnStr(obj py.Object) bool {
	switch obj.(type) {
	case py.Tuple, *py.List, py.Float, py.Complex, *py.Set, *py.FrozenSet:
		return false
	}
	_, ok := obj.(py.I__str__)
	return ok
}

// reprSeen holds the lists and dicts being written, for a container
// that holds itself to show [...] there.
type reprSeen map[py.Object]bool

func reprValue(obj py.Object, seen reprSeen) (string, error) {
	switch v := obj.(type) {
	case py.String, py.Int, py.Bool, py.NoneType, py.Bytes:
		return py.ReprAsString(v)
	case py.Float:
		return floatRepr(float64(v)), nil
	case py.Tuple:
		return reprItems("(", ")", v, len(v) == 1, seen)
	case *py.List:
		if seen[v] {
			return "[...]", nil
		}
		seen = mark(seen, v)
		defer delete(seen, v)
		return reprItems("[", "]", v.Items, false, seen)
	case *py.Set:
		return reprSet(v, "set()", "{", "}", seen)
	case *py.Exception:
		return exceptionRepr(v)
	case *py.Type:
		return typeRepr(v)
	}
	res, err := py.Repr(obj)
	return asResultString(res, err, "__repr__")
}

func mark(seen reprSeen, obj py.Object) reprSeen {
	if seen == nil {
		seen = reprSeen{}
	}
	seen[obj] = true
	return seen
}

// reprItems writes items between open and close, with the trailing
// comma of a one-element tuple when comma is set.
func reprItems(open, close string, items []py.Object, comma bool, seen reprSeen) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i, item := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := reprValue(item, seen)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	if comma {
		b.WriteByte(',')
	}
	b.WriteString(close)
	return b.String(), nil
}

// reprSet writes a set's items. Ints come out in CPython's order for
// small ints (by value); other items have no order to match, and are
// sorted by their repr so that the output at least stays the same.
func reprSet(set py.Object, empty, open, close string, seen reprSeen) (string, error) {
	var items []py.Object
	allInts := true
	err := py.Iterate(set, func(item py.Object) bool {
		if _, ok := item.(py.Int); !ok {
			allInts = false
		}
		items = append(items, item)
		return false
	})
	if err != nil {
		return "", err
	}
	if len(items) == 0 {
		return empty, nil
	}
	if allInts {
		sort.Slice(items, func(i, j int) bool { return items[i].(py.Int) < items[j].(py.Int) })
		return reprItems(open, close, items, false, seen)
	}
	reprs := make([]string, len(items))
	for i, item := range items {
		r, err := reprValue(item, seen)
		if err != nil {
			return "", err
		}
		reprs[i] = r
	}
	sort.Strings(reprs)
	return open + strings.Join(reprs, ", ") + close, nil
}

// typeRepr writes a class, or an instance through its class's __repr__.
func typeRepr(t *py.Type) (string, error) {
	if _, ok := asInstance(t); ok {
		res, found, err := callSpecial(t, "__repr__")
		if found {
			return asResultString(res, err, "__repr__")
		}
		return fmt.Sprintf("<%s object at %p>", qualifiedName(t.Type()), t), nil
	}
	return fmt.Sprintf("<class '%s'>", qualifiedName(t)), nil
}

// qualifiedName is a class's name with the module that defined it, as
// CPython names classes written in Python.
func qualifiedName(t *py.Type) string {
	if t.Flags&py.TPFLAGS_HEAPTYPE != 0 {
		if m, ok := t.Dict["__module__"].(py.String); ok && m != "builtins" {
			return string(m) + "." + t.Name
		}
	}
	return t.Name
}

// exceptionArgs is the args tuple of an exception instance.
func exceptionArgs(e *py.Exception) py.Tuple {
	args, _ := e.Args.(py.Tuple)
	return args
}

// exceptionRepr is Name(arg, ...), without a trailing comma for one
// argument.
func exceptionRepr(e *py.Exception) (string, error) {
	if inst, ok := e.Dict[ExceptionInstanceKey].(*py.Type); ok {
		return Repr(inst)
	}
	args := exceptionArgs(e)
	inner, err := reprItems("", "", args, false, nil)
	if err != nil {
		return "", err
	}
	return e.Base.Name + "(" + inner + ")", nil
}

// exceptionStr is empty for no argument, the argument's str for one (a
// KeyError shows the key's repr), the args tuple otherwise.
func exceptionStr(e *py.Exception) (string, error) {
	if inst, ok := e.Dict[ExceptionInstanceKey].(*py.Type); ok {
		return Str(inst)
	}
	args := exceptionArgs(e)
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		if py.IsException(py.KeyError, e) {
			// The engine's KeyErrors keep the key itself; some carry the
			// key's repr already, gpython's own the key's text.
			if key, ok := e.Dict["key"]; ok {
				return Repr(key)
			}
			if s, ok := args[0].(py.String); ok && isQuoted(string(s)) {
				return string(s), nil
			}
			return Repr(args[0])
		}
		return Str(args[0])
	}
	return Repr(args)
}

// ExceptionInstanceKey names the entry of a raised exception's dict that
// holds the instance of the Python class it stands for: gpython can only
// raise its own exception objects, whose attributes cannot be set, so an
// instance of `class NotFound(Exception)` is raised inside one.
const ExceptionInstanceKey = "__gowsgi_instance__"

// isQuoted reports text that already is a str's repr.
func isQuoted(s string) bool {
	return len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0]
}
