// Package pyext adds to gpython v0.2.0 the str, bytes, dict and list
// methods and the builtins that everyday Python code expects, with
// CPython 3.11 semantics and error messages where gpython can be reached
// from outside: methods go into the process-wide type dicts, builtins are
// swapped in the builtins module before any context copies it.
package pyext

import (
	"sync"

	"github.com/go-python/gpython/py"
	// The builtins module is registered by stdlib's init, which must have
	// run before Install replaces entries in it.
	_ "github.com/go-python/gpython/stdlib"
)

var installOnce sync.Once

// Install adds the methods and builtins. Call it before the first
// py.NewContext: a context copies the builtins when it is made. It is
// safe to call more than once and from several goroutines.
func Install() {
	installOnce.Do(func() {
		installTypeNames()
		installStrMethods()
		installBytesMethods()
		installDictMethods()
		installListMethods()
		installTupleMethods()
		installConstructors()
		installBuiltins()
		installClassAttributes()
		installExceptionMethods()
		wrapBuildClass(py.GetModuleImpl("builtins"))
		installTypes()
		installProperty()
	})
}

// pyFunc is the calling convention every added method and builtin uses.
type pyFunc = func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)

// setMethod installs fn as t.name, replacing what gpython has: gpython's
// own versions of the methods added here are incomplete.
func setMethod(t *py.Type, name, doc string, fn pyFunc) {
	t.Dict[name] = py.MustNewMethod(name, fn, 0, doc)
}

// methodOf adapts fn to both ways Python reaches a method: bound
// (s.name(...)), where gpython passes s as self, and through the type
// (str.name(s, ...), map(str.upper, xs)), where the instance is the first
// argument.
func methodOf[T py.Object](owner, name string, fn func(self T, args py.Tuple, kwargs py.StringDict) (py.Object, error)) pyFunc {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if s, ok := self.(T); ok {
			return fn(s, args, kwargs)
		}
		if len(args) == 0 {
			return nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", owner, name)
		}
		s, ok := args[0].(T)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
				name, owner, typeName(args[0]))
		}
		return fn(s, args[1:], kwargs)
	}
}

// installTypes readies the types this package adds as builtins (gpython
// readies only the types that exist when its own init runs) and
// registers them.
func installTypes() {
	impl := py.GetModuleImpl("builtins")
	for name, t := range map[string]*py.Type{"property": propertyType, "super": superType} {
		if err := t.Ready(); err != nil {
			panic("pyext: readying " + name + ": " + err.Error())
		}
		impl.Globals[name] = t
	}
}
