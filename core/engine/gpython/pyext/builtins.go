package pyext

import (
	"github.com/go-python/gpython/py"
)

// installBuiltins replaces gpython's builtins that misbehave (sorted and
// min/max cannot order tuples, round truncates, isinstance ignores
// subclasses, getattr swallows every error) and adds missing ones. A
// context copies the builtins module when it is made, so this must run
// before the first context.
func installBuiltins() {
	impl := py.GetModuleImpl("builtins")
	builtins := []struct {
		name, doc string
		fn        pyFunc
	}{
		{"sorted", "sorted(iterable, /, *, key=None, reverse=False) -> new sorted list", builtinSorted},
		{"min", "min(iterable, *[, default=obj, key=func]) or min(arg1, arg2, *args, *[, key=func])", builtinMin},
		{"max", "max(iterable, *[, default=obj, key=func]) or max(arg1, arg2, *args, *[, key=func])", builtinMax},
		{"sum", "sum(iterable, /, start=0) -> start plus the items of iterable", builtinSum},
		{"round", "round(number, ndigits=None) -> number rounded half to even", builtinRound},
		{"abs", "abs(x) -> the absolute value of x", builtinAbs},
		{"isinstance", "isinstance(obj, class_or_tuple) -> bool", builtinIsinstance},
		{"issubclass", "issubclass(cls, class_or_tuple) -> bool", builtinIssubclass},
		{"callable", "callable(obj) -> bool", builtinCallable},
		{"getattr", "getattr(object, name[, default]) -> value", builtinGetattr},
		{"hasattr", "hasattr(object, name) -> bool", builtinHasattr},
		{"format", "format(value, format_spec='') -> str", builtinFormat},
		{"reversed", "reversed(sequence) -> reverse iterator", builtinReversed},
		{"len", "len(obj) -> number of items of a container", builtinLen},
		{"any", "any(iterable) -> True if bool(x) is True for any x", builtinAny},
		{"all", "all(iterable) -> True if bool(x) is True for all x", builtinAll},
		{"repr", "repr(obj) -> the canonical string representation of obj", builtinRepr},
		{"ascii", "ascii(obj) -> repr(obj) with non-ASCII characters escaped", builtinASCII},
		{"print", "print(*objects, sep=' ', end='\\n', file=None, flush=False)", builtinPrint},
	}
	for _, b := range builtins {
		SetMethod(impl, py.MustNewMethod(b.name, b.fn, 0, b.doc))
	}
	impl.Globals["map"] = mapType
	impl.Globals["filter"] = filterType
	impl.Globals["zip"] = zipType
}

// SetMethod replaces the module's function of m's name, or adds it. It
// must run before the contexts that should see it are made.
func SetMethod(impl *py.ModuleImpl, m *py.Method) {
	for i, existing := range impl.Methods {
		if existing.Name == m.Name {
			impl.Methods[i] = m
			return
		}
	}
	impl.Methods = append(impl.Methods, m)
}
