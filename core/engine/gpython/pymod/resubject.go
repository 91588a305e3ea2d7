package pymod

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// reSubject is a string being matched. Python counts positions in
// characters (str) or bytes (bytes); Go's regexp works on UTF-8 and
// counts bytes. A bytes subject is widened byte by byte to the characters
// U+0000-U+00FF, so that a bytes pattern matches per byte and positions
// still count bytes.
type reSubject struct {
	obj     py.Object // as given
	text    string    // what the regexp runs on
	isBytes bool
	// starts holds the byte offset of every character and then len(text);
	// nil when each character is one byte.
	starts []int
}

func newSubject(o py.Object, patternIsBytes bool) (*reSubject, error) {
	s := &reSubject{obj: o}
	switch v := o.(type) {
	case py.String:
		if patternIsBytes {
			return nil, py.ExceptionNewf(py.TypeError, "cannot use a bytes pattern on a string-like object")
		}
		s.text = string(v)
	case py.Bytes:
		if !patternIsBytes {
			return nil, py.ExceptionNewf(py.TypeError, "cannot use a string pattern on a bytes-like object")
		}
		s.isBytes = true
		s.text = widenBytes(v)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", o.Type().Name)
	}
	if !isASCII(s.text) {
		s.starts = make([]int, 0, len(s.text)+1)
		for i := range s.text {
			s.starts = append(s.starts, i)
		}
		s.starts = append(s.starts, len(s.text))
	}
	return s, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// widenBytes maps each byte to the character of the same value.
func widenBytes(b []byte) string {
	if isASCII(string(b)) {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b) * 2)
	for _, c := range b {
		out.WriteRune(rune(c))
	}
	return out.String()
}

// narrowBytes undoes widenBytes.
func narrowBytes(s string) py.Bytes {
	out := make(py.Bytes, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// length is the subject's length in characters.
func (s *reSubject) length() int {
	if s.starts == nil {
		return len(s.text)
	}
	return len(s.starts) - 1
}

// charIndex converts a byte offset of text into a Python index.
func (s *reSubject) charIndex(off int) int {
	if s.starts == nil || off < 0 {
		return off
	}
	return sort.SearchInts(s.starts, off)
}

// byteOffset converts a Python index (clamped to the string) into a byte
// offset of text.
func (s *reSubject) byteOffset(i int) int {
	n := s.length()
	i = max(0, min(i, n))
	if s.starts == nil {
		return i
	}
	return s.starts[i]
}

// value is text[a:b] as a Python str or bytes.
func (s *reSubject) value(a, b int) py.Object {
	if s.isBytes {
		return narrowBytes(s.text[a:b])
	}
	return py.String(s.text[a:b])
}

// empty is "" or b"" to match the subject.
func (s *reSubject) empty() py.Object {
	if s.isBytes {
		return py.Bytes{}
	}
	return py.String("")
}

// nextChar is the byte offset just past the character at off.
func (s *reSubject) nextChar(off int) int {
	_, w := utf8.DecodeRuneInString(s.text[off:])
	return off + max(w, 1)
}
