package pyext

import (
	"github.com/go-python/gpython/py"
)

// print, repr, ascii and str() write values with Repr and Str, so that
// floats, one-element tuples, exceptions and Python classes come out as
// in CPython.

func builtinRepr(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj py.Object
	if err := unpack("repr", args, kwargs, 1, []string{"obj"}, false, &obj); err != nil {
		return nil, err
	}
	s, err := Repr(obj)
	return py.String(s), err
}

func builtinASCII(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj py.Object
	if err := unpack("ascii", args, kwargs, 1, []string{"obj"}, false, &obj); err != nil {
		return nil, err
	}
	s, err := Repr(obj)
	return py.String(asciiEscape(s)), err
}

// builtinPrint is print(*objects, sep=' ', end='\n', file=None,
// flush=False), writing to the sys.stdout of the calling context.
func builtinPrint(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var sep, end, file, flush py.Object = py.None, py.None, py.None, py.False
	if err := keywordOnly("print", kwargs, []string{"sep", "end", "file", "flush"}, &sep, &end, &file, &flush); err != nil {
		return nil, err
	}
	sepText, err := printSeparator(sep, " ", "sep")
	if err != nil {
		return nil, err
	}
	endText, err := printSeparator(end, "\n", "end")
	if err != nil {
		return nil, err
	}
	if file == py.None {
		if file, err = stdout(self); err != nil {
			return nil, err
		}
	}
	write, err := py.GetAttrString(file, "write")
	if err != nil {
		return nil, err
	}
	var text []byte
	for i, arg := range args {
		if i > 0 {
			text = append(text, sepText...)
		}
		s, err := Str(arg)
		if err != nil {
			return nil, err
		}
		text = append(text, s...)
	}
	text = append(text, endText...)
	if _, err := py.Call(write, py.Tuple{py.String(text)}, nil); err != nil {
		return nil, err
	}
	if doFlush, err := isTrue(flush); err != nil || !doFlush {
		return py.None, err
	}
	if fl, err := py.GetAttrString(file, "flush"); err == nil {
		if _, err := py.Call(fl, nil, nil); err != nil {
			return nil, err
		}
	}
	return py.None, nil
}

// printSeparator is print's sep or end: a str, or None for the default.
func printSeparator(v py.Object, def, name string) (string, error) {
	switch s := v.(type) {
	case py.NoneType:
		return def, nil
	case py.String:
		return string(s), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "%s must be None or a string, not %s", name, typeName(v))
}

// stdout is sys.stdout of the context whose builtins module is self.
func stdout(self py.Object) (py.Object, error) {
	m, ok := self.(*py.Module)
	if !ok || m.Context == nil {
		return nil, py.ExceptionNewf(py.RuntimeError, "print(): lost sys.stdout")
	}
	sys, err := m.Context.GetModule("sys")
	if err != nil {
		return nil, err
	}
	out, ok := sys.Globals["stdout"]
	if !ok || out == py.None {
		return nil, py.ExceptionNewf(py.RuntimeError, "print(): lost sys.stdout")
	}
	return out, nil
}

// strNew is str(obj) for one argument; other forms (decoding) go to
// next.
func strNew(next py.NewFunc) py.NewFunc {
	return func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if metatype == py.StringType && len(args) == 1 && len(kwargs) == 0 {
			s, err := Str(args[0])
			return py.String(s), err
		}
		return next(metatype, args, kwargs)
	}
}
