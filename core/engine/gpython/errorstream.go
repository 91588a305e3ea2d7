package gpython

import (
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// errorStream is wsgi.errors: a text stream into the server's error log.
type errorStream struct {
	scope *requestScope
}

var errorStreamType = py.NewType("wsgi.errors", "The server's error log as a text stream.")

func (s *errorStream) Type() *py.Type { return errorStreamType }

func (s *errorStream) write(text py.Object) error {
	str, ok := text.(py.String)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "wsgi.errors.write() argument must be str, not %s", text.Type().Name)
	}
	if err := s.scope.usable("wsgi.errors"); err != nil {
		return err
	}
	if s.scope.req.Errors != nil {
		s.scope.req.Errors.Write(string(str))
	}
	return nil
}

func (s *errorStream) flush() error {
	if err := s.scope.usable("wsgi.errors"); err != nil {
		return err
	}
	if s.scope.req.Errors != nil {
		s.scope.req.Errors.Flush()
	}
	return nil
}

func init() {
	errorStreamType.Dict["write"] = py.MustNewMethod("write", func(self, text py.Object) (py.Object, error) {
		if err := self.(*errorStream).write(text); err != nil {
			return nil, err
		}
		return py.Int(utf8.RuneCountInString(string(text.(py.String)))), nil
	}, 0, "write(s) -> int: write a str to the error log.")
	errorStreamType.Dict["writelines"] = py.MustNewMethod("writelines", func(self, lines py.Object) (py.Object, error) {
		var writeErr error
		err := py.Iterate(lines, func(line py.Object) bool {
			writeErr = self.(*errorStream).write(line)
			return writeErr != nil
		})
		if err == nil {
			err = writeErr
		}
		if err != nil {
			return nil, err
		}
		return py.None, nil
	}, 0, "writelines(lines): write each str of an iterable.")
	errorStreamType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) {
		if err := self.(*errorStream).flush(); err != nil {
			return nil, err
		}
		return py.None, nil
	}, 0, "flush(): push buffered text to the error log.")
}
