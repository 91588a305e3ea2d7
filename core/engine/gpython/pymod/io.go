package pymod

import (
	"github.com/go-python/gpython/py"
)

// io: in-memory text and binary streams, StringIO and BytesIO. Both are
// context managers and iterate over lines.

var unsupportedOperation = newSubType(py.OSError, "UnsupportedOperation", "Operation not supported by this stream.")

func ioModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "io", Doc: "The io module provides the Python interfaces to stream handling."},
		Globals: py.StringDict{
			"StringIO":             stringIOType,
			"BytesIO":              bytesIOType,
			"UnsupportedOperation": unsupportedOperation,
			"SEEK_SET":             py.Int(0),
			"SEEK_CUR":             py.Int(1),
			"SEEK_END":             py.Int(2),
			"DEFAULT_BUFFER_SIZE":  py.Int(8192),
		},
	}
}

// closedFileError is what BytesIO (and StringIO's iteration and with)
// raise once closed; StringIO's other methods say it without the period.
func closedFileError() error {
	return py.ExceptionNewf(py.ValueError, "I/O operation on closed file.")
}

func closedTextError() error {
	return py.ExceptionNewf(py.ValueError, "I/O operation on closed file")
}

// streamMethods are the methods StringIO and BytesIO share, written
// against the stream interface.
type stream interface {
	py.Object
	isClosed() bool
	closedError() error
	close()
	readLine(limit int) py.Object // "" or b"" at the end
}

func addStreamMethods[T stream](t *py.Type) {
	addMethods(t,
		goMethod0("close", func(s T) (py.Object, error) {
			s.close()
			return py.None, nil
		}, "Close the IO object."),
		goMethod0("flush", func(s T) (py.Object, error) { return py.None, checkOpen(s) }, "Does nothing."),
		goMethod0("isatty", func(s T) (py.Object, error) { return py.False, checkOpen(s) }, "Always False."),
		goMethod0("readable", func(s T) (py.Object, error) { return py.True, checkOpen(s) }, "Returns True if the IO object can be read."),
		goMethod0("writable", func(s T) (py.Object, error) { return py.True, checkOpen(s) }, "Returns True if the IO object can be written."),
		goMethod0("seekable", func(s T) (py.Object, error) { return py.True, checkOpen(s) }, "Returns True if the IO object can be seeked."),
		goMethod("readline", func(s T, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			limit, err := sizeArg("readline", args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := checkOpen(s); err != nil {
				return nil, err
			}
			return s.readLine(limit), nil
		}, "Read until newline or EOF."),
		goMethod("readlines", func(s T, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			hint, err := sizeArg("readlines", args, kwargs)
			if err != nil {
				return nil, err
			}
			if err := checkOpen(s); err != nil {
				return nil, err
			}
			var lines []py.Object
			total := 0
			for {
				line := s.readLine(-1)
				n := textLen(line)
				if n == 0 {
					break
				}
				lines = append(lines, line)
				total += n
				if hint > 0 && total >= hint {
					break
				}
			}
			return newList(lines), nil
		}, "Return a list of lines from the stream."),
		goMethod1("writelines", func(s T, lines py.Object) (py.Object, error) {
			var writeErr error
			err := py.Iterate(lines, func(line py.Object) bool {
				_, writeErr = callMethod(s, "write", line)
				return writeErr != nil
			})
			if err == nil {
				err = writeErr
			}
			return py.None, err
		}, "Write a list of lines to the stream."),
	)
	t.Dict["closed"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		s, ok := self.(T)
		return py.NewBool(ok && s.isClosed()), nil
	}}
}

func checkOpen(s stream) error {
	if s.isClosed() {
		return s.closedError()
	}
	return nil
}

// sizeArg reads the optional size argument of read-like methods (-1 or
// None for everything).
func sizeArg(fname string, args py.Tuple, kwargs py.StringDict) (int, error) {
	var size py.Object = py.None
	if err := parseArgs(fname, args, kwargs, []string{"size"}, 0, &size); err != nil {
		return 0, err
	}
	return optInt(size, -1, "size")
}

// seekArgs reads seek(pos, whence=0).
func seekArgs(args py.Tuple, kwargs py.StringDict) (int, int, error) {
	var pos py.Object
	var whence py.Object = py.Int(0)
	if err := parseArgs("seek", args, kwargs, []string{"pos", "whence"}, 1, &pos, &whence); err != nil {
		return 0, 0, err
	}
	p, err := goInt(pos, "pos")
	if err != nil {
		return 0, 0, err
	}
	w, err := goInt(whence, "whence")
	if err != nil {
		return 0, 0, err
	}
	if w < 0 || w > 2 {
		return 0, 0, py.ExceptionNewf(py.ValueError, "invalid whence (%d, should be 0, 1 or 2)", w)
	}
	return p, w, nil
}

// nextLine is __next__ for a stream: a line, or StopIteration at the end.
func nextLine(s stream) (py.Object, error) {
	if err := checkOpen(s); err != nil {
		return nil, err
	}
	line := s.readLine(-1)
	if textLen(line) == 0 {
		return nil, py.StopIteration
	}
	return line, nil
}

// textLen is the length of a line read: characters of a str, bytes of
// bytes.
func textLen(o py.Object) int {
	switch v := o.(type) {
	case py.String:
		return len([]rune(string(v)))
	case py.Bytes:
		return len(v)
	}
	return 0
}

// exitStream is __exit__: close, and let any exception through.
func exitStream(s stream) (py.Object, error) {
	s.close()
	return py.False, nil
}
