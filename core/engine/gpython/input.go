package gpython

import (
	"github.com/go-python/gpython/py"
)

// inputStream is wsgi.input: a read-only binary stream over the request
// body, with BytesIO's getvalue() for code written against test containers.
type inputStream struct {
	scope *requestScope
}

var inputStreamType = py.NewType("wsgi.input", "The request body as a binary stream.")

func (s *inputStream) Type() *py.Type { return inputStreamType }

func (s *inputStream) M__iter__() (py.Object, error) { return s, nil }

// M__next__ yields lines until the body is exhausted.
func (s *inputStream) M__next__() (py.Object, error) {
	line, err := s.readLine(-1)
	if err != nil {
		return nil, err
	}
	if len(line) == 0 {
		return nil, py.StopIteration
	}
	return line, nil
}

func (s *inputStream) read(n int) (py.Object, error) {
	if err := s.scope.usable("wsgi.input"); err != nil {
		return nil, err
	}
	if s.scope.req.Input == nil {
		return py.Bytes{}, nil
	}
	p, err := s.scope.req.Input.Read(n)
	if err != nil {
		return nil, ioError("wsgi.input.read", err)
	}
	return py.Bytes(p), nil
}

func (s *inputStream) readLine(limit int) (py.Bytes, error) {
	if err := s.scope.usable("wsgi.input"); err != nil {
		return nil, err
	}
	if s.scope.req.Input == nil {
		return py.Bytes{}, nil
	}
	p, err := s.scope.req.Input.ReadLine(limit)
	if err != nil {
		return nil, ioError("wsgi.input.readline", err)
	}
	return py.Bytes(p), nil
}

func (s *inputStream) readLines(hint int) (py.Object, error) {
	if err := s.scope.usable("wsgi.input"); err != nil {
		return nil, err
	}
	lines := py.NewList()
	if s.scope.req.Input == nil {
		return lines, nil
	}
	ps, err := s.scope.req.Input.ReadLines(hint)
	if err != nil {
		return nil, ioError("wsgi.input.readlines", err)
	}
	for _, p := range ps {
		lines.Append(py.Bytes(p))
	}
	return lines, nil
}

func (s *inputStream) getValue() (py.Object, error) {
	if err := s.scope.usable("wsgi.input"); err != nil {
		return nil, err
	}
	if s.scope.req.Input == nil {
		return py.Bytes{}, nil
	}
	p, err := s.scope.req.Input.GetValue()
	if err != nil {
		return nil, ioError("wsgi.input.getvalue", err)
	}
	return py.Bytes(p), nil
}

// ioError raises a gateway failure as Python's OSError.
func ioError(what string, err error) error {
	return py.ExceptionNewf(py.OSError, "%s: %v", what, err)
}

// sizeArg reads the optional size/hint argument: absent or None means -1.
func sizeArg(name string, args py.Tuple) (int, error) {
	var size py.Object = py.None
	if err := py.UnpackTuple(args, nil, name, 0, 1, &size); err != nil {
		return 0, err
	}
	if size == py.None {
		return -1, nil
	}
	n, err := py.IndexInt(size)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "%s() argument must be int or None, not %s", name, size.Type().Name)
	}
	return n, nil
}

func init() {
	inputStreamType.Dict["read"] = py.MustNewMethod("read", func(self py.Object, args py.Tuple) (py.Object, error) {
		n, err := sizeArg("read", args)
		if err != nil {
			return nil, err
		}
		return self.(*inputStream).read(n)
	}, 0, "read(size=-1) -> bytes: up to size bytes, or the rest of the body.")
	inputStreamType.Dict["readline"] = py.MustNewMethod("readline", func(self py.Object, args py.Tuple) (py.Object, error) {
		n, err := sizeArg("readline", args)
		if err != nil {
			return nil, err
		}
		return self.(*inputStream).readLine(n)
	}, 0, "readline(size=-1) -> bytes: one line, at most size bytes.")
	inputStreamType.Dict["readlines"] = py.MustNewMethod("readlines", func(self py.Object, args py.Tuple) (py.Object, error) {
		n, err := sizeArg("readlines", args)
		if err != nil {
			return nil, err
		}
		return self.(*inputStream).readLines(n)
	}, 0, "readlines(hint=-1) -> list of lines, stopping once hint bytes were read.")
	inputStreamType.Dict["getvalue"] = py.MustNewMethod("getvalue", func(self py.Object) (py.Object, error) {
		return self.(*inputStream).getValue()
	}, 0, "getvalue() -> bytes: the part of the body not read yet.")
}
