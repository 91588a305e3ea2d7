package pymod

import (
	"github.com/go-python/gpython/py"
)

// bytesIO is io.BytesIO.
type bytesIO struct {
	buf    []byte
	pos    int
	closed bool
	dict   py.StringDict
}

var bytesIOType = func() *py.Type {
	t := py.NewTypeX("BytesIO", "Buffered I/O implementation using an in-memory bytes buffer.", newBytesIO, nil)
	mustReady(t)
	addStreamMethods[*bytesIO](t)
	read := func(s *bytesIO, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		n, err := sizeArg("read", args, kwargs)
		if err != nil {
			return nil, err
		}
		if s.closed {
			return nil, closedFileError()
		}
		return s.take(n), nil
	}
	addMethods(t,
		goMethod("read", read, "Read at most size bytes, returned as a bytes object."),
		goMethod("read1", read, "Read at most size bytes, returned as a bytes object."),
		goMethod1("write", (*bytesIO).write, "Write bytes to file."),
		goMethod0("getvalue", func(s *bytesIO) (py.Object, error) {
			if s.closed {
				return nil, closedFileError()
			}
			return py.Bytes(append([]byte(nil), s.buf...)), nil
		}, "Retrieve the entire contents of the BytesIO object."),
		goMethod0("tell", func(s *bytesIO) (py.Object, error) {
			if s.closed {
				return nil, closedFileError()
			}
			return py.Int(s.pos), nil
		}, "Current file position, an integer."),
		goMethod("seek", (*bytesIO).seek, "Change stream position."),
		goMethod("truncate", (*bytesIO).truncate, "Truncate the file to at most size bytes."),
	)
	return t
}()

func newBytesIO(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var initial py.Object = py.None
	if err := parseArgs("BytesIO", args, kwargs, []string{"initial_bytes"}, 0, &initial); err != nil {
		return nil, err
	}
	s := &bytesIO{dict: py.StringDict{}}
	if initial != py.None {
		b, ok := initial.(py.Bytes)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", initial.Type().Name)
		}
		s.buf = append([]byte(nil), b...)
	}
	return s, nil
}

func (s *bytesIO) Type() *py.Type { return bytesIOType }

func (s *bytesIO) GetDict() py.StringDict { return s.dict }

func (s *bytesIO) isClosed() bool { return s.closed }

func (s *bytesIO) closedError() error { return closedFileError() }

func (s *bytesIO) close() { s.closed, s.buf = true, nil }

func (s *bytesIO) take(n int) py.Object {
	if s.pos >= len(s.buf) {
		return py.Bytes{}
	}
	end := len(s.buf)
	if n >= 0 && s.pos+n < end {
		end = s.pos + n
	}
	out := py.Bytes(append([]byte(nil), s.buf[s.pos:end]...))
	s.pos = end
	return out
}

func (s *bytesIO) readLine(limit int) py.Object {
	if s.pos >= len(s.buf) {
		return py.Bytes{}
	}
	end := len(s.buf)
	if limit >= 0 && s.pos+limit < end {
		end = s.pos + limit
	}
	i := s.pos
	for i < end {
		i++
		if s.buf[i-1] == '\n' {
			break
		}
	}
	out := py.Bytes(append([]byte(nil), s.buf[s.pos:i]...))
	s.pos = i
	return out
}

func (s *bytesIO) write(arg py.Object) (py.Object, error) {
	b, ok := arg.(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", arg.Type().Name)
	}
	if s.closed {
		return nil, closedFileError()
	}
	if len(s.buf) < s.pos {
		s.buf = append(s.buf, make([]byte, s.pos-len(s.buf))...)
	}
	if len(s.buf)-s.pos > len(b) {
		copy(s.buf[s.pos:], b)
	} else {
		s.buf = append(s.buf[:s.pos], b...)
	}
	s.pos += len(b)
	return py.Int(len(b)), nil
}

func (s *bytesIO) seek(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	pos, whence, err := seekArgs(args, kwargs)
	if err != nil {
		return nil, err
	}
	if s.closed {
		return nil, closedFileError()
	}
	switch whence {
	case 0:
		if pos < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "negative seek value %d", pos)
		}
	case 1:
		pos += s.pos
	case 2:
		pos += len(s.buf)
	}
	s.pos = max(pos, 0)
	return py.Int(s.pos), nil
}

func (s *bytesIO) truncate(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var size py.Object = py.None
	if err := parseArgs("truncate", args, kwargs, []string{"size"}, 0, &size); err != nil {
		return nil, err
	}
	if s.closed {
		return nil, closedFileError()
	}
	n, err := optInt(size, s.pos, "size")
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "negative size value %d", n)
	}
	if n < len(s.buf) {
		s.buf = s.buf[:n]
	}
	return py.Int(n), nil
}

func (s *bytesIO) M__iter__() (py.Object, error) { return s, nil }

func (s *bytesIO) M__next__() (py.Object, error) { return nextLine(s) }

func (s *bytesIO) M__enter__() (py.Object, error) {
	if s.closed {
		return nil, closedFileError()
	}
	return s, nil
}

func (s *bytesIO) M__exit__(excType, excValue, traceback py.Object) (py.Object, error) {
	return exitStream(s)
}
