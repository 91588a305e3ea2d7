package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// stringIO is io.StringIO. It holds code points, as positions in a text
// stream count characters.
type stringIO struct {
	buf     []rune
	pos     int
	closed  bool
	newline string // "\n" (default), "" or None-mode ("universal"), "\r" or "\r\n"
	dict    py.StringDict
}

const universalNewlines = "universal"

var stringIOType = func() *py.Type {
	t := py.NewTypeX("StringIO", "Text I/O implementation using an in-memory buffer.", newStringIO, nil)
	mustReady(t)
	addStreamMethods[*stringIO](t)
	addMethods(t,
		goMethod("read", func(s *stringIO, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			n, err := sizeArg("read", args, kwargs)
			if err != nil {
				return nil, err
			}
			if s.closed {
				return nil, closedTextError()
			}
			return py.String(s.take(n)), nil
		}, "Read at most size characters, returned as a string."),
		goMethod1("write", (*stringIO).write, "Write string to file."),
		goMethod0("getvalue", func(s *stringIO) (py.Object, error) {
			if s.closed {
				return nil, closedTextError()
			}
			return py.String(string(s.buf)), nil
		}, "Retrieve the entire contents of the object."),
		goMethod0("tell", func(s *stringIO) (py.Object, error) {
			if s.closed {
				return nil, closedTextError()
			}
			return py.Int(s.pos), nil
		}, "Tell the current file position."),
		goMethod("seek", (*stringIO).seek, "Change stream position."),
		goMethod("truncate", (*stringIO).truncate, "Truncate size to pos."),
	)
	return t
}()

func newStringIO(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var initial py.Object = py.String("")
	var newline py.Object = py.String("\n")
	if err := parseArgs("StringIO", args, kwargs, []string{"initial_value", "newline"}, 0, &initial, &newline); err != nil {
		return nil, err
	}
	s := &stringIO{newline: universalNewlines, dict: py.StringDict{}}
	if newline != py.None {
		nl, err := strArg(newline, "newline")
		if err != nil {
			return nil, err
		}
		switch nl {
		case "", "\n", "\r", "\r\n":
		default:
			return nil, py.ExceptionNewf(py.ValueError, "illegal newline value: %s", quoteRepr(nl))
		}
		s.newline = nl
	}
	if initial != py.None {
		text, err := strArg(initial, "initial_value")
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "initial_value must be str or None, not %s", initial.Type().Name)
		}
		s.buf = []rune(s.translate(text))
	}
	return s, nil
}

func (s *stringIO) Type() *py.Type { return stringIOType }

func (s *stringIO) GetDict() py.StringDict { return s.dict }

func (s *stringIO) isClosed() bool { return s.closed }

func (s *stringIO) closedError() error { return closedTextError() }

func (s *stringIO) close() { s.closed, s.buf = true, nil }

// translate applies the newline mode to written text.
func (s *stringIO) translate(text string) string {
	switch s.newline {
	case universalNewlines:
		return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	case "\r", "\r\n":
		return strings.ReplaceAll(text, "\n", s.newline)
	}
	return text
}

func (s *stringIO) take(n int) string {
	if s.pos >= len(s.buf) {
		return ""
	}
	end := len(s.buf)
	if n >= 0 && s.pos+n < end {
		end = s.pos + n
	}
	out := string(s.buf[s.pos:end])
	s.pos = end
	return out
}

// readLine reads up to and including the next line ending of the mode.
func (s *stringIO) readLine(limit int) py.Object {
	if s.pos >= len(s.buf) {
		return py.String("")
	}
	end := len(s.buf)
	if limit >= 0 && s.pos+limit < end {
		end = s.pos + limit
	}
	stop := s.lineEnd(s.pos, end)
	line := string(s.buf[s.pos:stop])
	s.pos = stop
	return py.String(line)
}

// lineEnd finds where the line starting at i ends, at most at end.
func (s *stringIO) lineEnd(i, end int) int {
	for ; i < end; i++ {
		c := s.buf[i]
		switch s.newline {
		case "\r":
			if c == '\r' {
				return i + 1
			}
		case "\r\n":
			if c == '\r' && i+1 < end && s.buf[i+1] == '\n' {
				return i + 2
			}
		case "":
			if c == '\n' {
				return i + 1
			}
			if c == '\r' {
				if i+1 < end && s.buf[i+1] == '\n' {
					return i + 2
				}
				return i + 1
			}
		default:
			if c == '\n' {
				return i + 1
			}
		}
	}
	return end
}

func (s *stringIO) write(arg py.Object) (py.Object, error) {
	text, ok := arg.(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "string argument expected, got '%s'", arg.Type().Name)
	}
	if s.closed {
		return nil, closedTextError()
	}
	runes := []rune(s.translate(string(text)))
	for len(s.buf) < s.pos {
		s.buf = append(s.buf, 0)
	}
	tail := len(s.buf) - s.pos
	if tail > len(runes) {
		copy(s.buf[s.pos:], runes)
	} else {
		s.buf = append(s.buf[:s.pos], runes...)
	}
	s.pos += len(runes)
	return py.Int(len([]rune(string(text)))), nil
}

func (s *stringIO) seek(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	pos, whence, err := seekArgs(args, kwargs)
	if err != nil {
		return nil, err
	}
	if s.closed {
		return nil, closedTextError()
	}
	switch {
	case whence == 0 && pos < 0:
		return nil, py.ExceptionNewf(py.ValueError, "Negative seek position %d", pos)
	case whence == 1 && pos != 0:
		return nil, py.ExceptionNewf(py.OSError, "Can't do nonzero cur-relative seeks")
	case whence == 2 && pos != 0:
		return nil, py.ExceptionNewf(py.OSError, "Can't do nonzero end-relative seeks")
	case whence == 0:
		s.pos = pos
	case whence == 2:
		s.pos = len(s.buf)
	}
	return py.Int(s.pos), nil
}

func (s *stringIO) truncate(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var size py.Object = py.None
	if err := parseArgs("truncate", args, kwargs, []string{"pos"}, 0, &size); err != nil {
		return nil, err
	}
	if s.closed {
		return nil, closedTextError()
	}
	n, err := optInt(size, s.pos, "pos")
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "Negative size value %d", n)
	}
	if n < len(s.buf) {
		s.buf = s.buf[:n]
	}
	return py.Int(n), nil
}

func (s *stringIO) M__iter__() (py.Object, error) {
	if s.closed {
		return nil, closedFileError()
	}
	return s, nil
}

func (s *stringIO) M__next__() (py.Object, error) {
	if s.closed {
		return nil, closedFileError()
	}
	return nextLine(s)
}

func (s *stringIO) M__enter__() (py.Object, error) {
	if s.closed {
		return nil, closedFileError()
	}
	return s, nil
}

func (s *stringIO) M__exit__(excType, excValue, traceback py.Object) (py.Object, error) {
	return exitStream(s)
}
