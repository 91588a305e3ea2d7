package pyext

import (
	"github.com/go-python/gpython/py"
)

// installConstructors teaches bytes() and str() the encodings the codec
// knows (gpython's bytes(s, enc) knows only UTF-8, and its str(b, enc)
// ignores the encoding and returns the repr) and makes bool() callable.
func installConstructors() {
	py.BoolType.New = boolNew
	enumerateNew := py.EnumerateType.New
	py.EnumerateType.New = func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return newEnumerate(enumerateNew, metatype, args, kwargs)
	}

	bytesNew := py.BytesType.New
	py.BytesType.New = func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if s, ok := firstArg(args, kwargs, "source").(py.String); ok && (len(args) > 1 || len(kwargs) > 0) {
			var source, encoding, errorsMode py.Object = nil, nil, py.String("strict")
			if err := unpack("bytes", args, kwargs, 1, []string{"source", "encoding", "errors"}, true, &source, &encoding, &errorsMode); err != nil {
				return nil, err
			}
			if encoding == nil {
				return nil, py.ExceptionNewf(py.TypeError, "string argument without an encoding")
			}
			c, err := codecFor("bytes", encoding, errorsMode)
			if err != nil {
				return nil, err
			}
			return c.encode(string(s))
		}
		return bytesNew(metatype, args, kwargs)
	}

	decodeNew := py.StringType.New
	py.StringType.New = strNew(func(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if b, ok := firstArg(args, kwargs, "object").(py.Bytes); ok && (len(args) > 1 || len(kwargs) > 0) {
			var object, encoding, errorsMode py.Object = nil, py.String("utf-8"), py.String("strict")
			if err := unpack("str", args, kwargs, 1, []string{"object", "encoding", "errors"}, true, &object, &encoding, &errorsMode); err != nil {
				return nil, err
			}
			c, err := codecFor("str", encoding, errorsMode)
			if err != nil {
				return nil, err
			}
			return c.decode(b)
		}
		return decodeNew(metatype, args, kwargs)
	})
}

// firstArg is the first argument, given by position or by name.
func firstArg(args py.Tuple, kwargs py.StringDict, name string) py.Object {
	if len(args) > 0 {
		return args[0]
	}
	return kwargs[name]
}

// boolNew is bool(x): gpython's bool type cannot be called at all.
func boolNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "bool() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "bool expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return py.False, nil
	}
	truth, err := isTrue(args[0])
	return py.NewBool(truth), err
}

// newEnumerate accepts enumerate(iterable, start=n) by keyword, which
// gpython's does not, and iterables only iterOf knows (bytes, inherited
// __iter__), then lets gpython's enumerate do the counting.
func newEnumerate(gpythonNew py.NewFunc, metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable, start py.Object = nil, py.Int(0)
	if err := unpack("enumerate", args, kwargs, 1, []string{"iterable", "start"}, true, &iterable, &start); err != nil {
		return nil, err
	}
	it, err := iterOf(iterable)
	if err != nil {
		return nil, err
	}
	return gpythonNew(metatype, py.Tuple{it, start}, nil)
}
