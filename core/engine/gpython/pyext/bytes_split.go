package pyext

import (
	"bytes"

	"github.com/go-python/gpython/py"
)

// isASCIISpace is bytes' whitespace: space, \t, \n, \r, \v and \f.
func isASCIISpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	return false
}

func bytesSplitArgs(fn string, args py.Tuple, kwargs py.StringDict) (sep []byte, hasSep bool, maxsplit int, err error) {
	var sepObj, maxObj py.Object = py.None, py.Int(-1)
	if err = unpack(fn, args, kwargs, 0, []string{"sep", "maxsplit"}, true, &sepObj, &maxObj); err != nil {
		return
	}
	if sepObj != py.None {
		if sep, err = bytesLike(sepObj); err != nil {
			return
		}
		if len(sep) == 0 {
			err = py.ExceptionNewf(py.ValueError, "empty separator")
			return
		}
		hasSep = true
	}
	maxsplit, err = toInt(maxObj)
	return
}

func bytesSplit(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep, hasSep, maxsplit, err := bytesSplitArgs("bytes.split", args, kwargs)
	if err != nil {
		return nil, err
	}
	if hasSep {
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return bytesList(bytes.SplitN(b, sep, n)), nil
	}
	return bytesList(splitFields(b, maxsplit, false)), nil
}

func bytesRsplit(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep, hasSep, maxsplit, err := bytesSplitArgs("bytes.rsplit", args, kwargs)
	if err != nil {
		return nil, err
	}
	if !hasSep {
		return bytesList(splitFields(b, maxsplit, true)), nil
	}
	var rev [][]byte
	rest := []byte(b)
	for maxsplit < 0 || len(rev) < maxsplit {
		i := bytes.LastIndex(rest, sep)
		if i < 0 {
			break
		}
		rev = append(rev, rest[i+len(sep):])
		rest = rest[:i]
	}
	rev = append(rev, rest)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return bytesList(rev), nil
}

// splitFields splits on runs of ASCII whitespace, at most maxsplit times,
// from the left or (fromRight) from the right.
func splitFields(b []byte, maxsplit int, fromRight bool) [][]byte {
	var fields [][]byte
	if !fromRight {
		i := 0
		for {
			for i < len(b) && isASCIISpace(b[i]) {
				i++
			}
			if i == len(b) {
				return fields
			}
			if maxsplit >= 0 && len(fields) == maxsplit {
				return append(fields, b[i:])
			}
			j := i
			for j < len(b) && !isASCIISpace(b[j]) {
				j++
			}
			fields = append(fields, b[i:j])
			i = j
		}
	}
	j := len(b)
	for {
		for j > 0 && isASCIISpace(b[j-1]) {
			j--
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(fields) == maxsplit {
			fields = append(fields, b[:j])
			break
		}
		i := j
		for i > 0 && !isASCIISpace(b[i-1]) {
			i--
		}
		fields = append(fields, b[i:j])
		j = i
	}
	for i, k := 0, len(fields)-1; i < k; i, k = i+1, k-1 {
		fields[i], fields[k] = fields[k], fields[i]
	}
	return fields
}

func bytesList(parts [][]byte) *py.List {
	l := py.NewListSized(len(parts))
	for i, p := range parts {
		l.Items[i] = clone(p)
	}
	return l
}

// bytesStripSet reads strip's optional bytes argument.
func bytesStripSet(fn string, args py.Tuple, kwargs py.StringDict) (func(byte) bool, error) {
	var charsObj py.Object = py.None
	if err := unpack(fn, args, kwargs, 0, []string{"bytes"}, false, &charsObj); err != nil {
		return nil, err
	}
	if charsObj == py.None {
		return isASCIISpace, nil
	}
	chars, err := bytesLike(charsObj)
	if err != nil {
		return nil, err
	}
	return func(c byte) bool { return bytes.IndexByte(chars, c) >= 0 }, nil
}

func bytesStrip(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	in, err := bytesStripSet("bytes.strip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return clone(trimRight(trimLeft(b, in), in)), nil
}

func bytesLstrip(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	in, err := bytesStripSet("bytes.lstrip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return clone(trimLeft(b, in)), nil
}

func bytesRstrip(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	in, err := bytesStripSet("bytes.rstrip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return clone(trimRight(b, in)), nil
}

func trimLeft(b []byte, in func(byte) bool) []byte {
	for len(b) > 0 && in(b[0]) {
		b = b[1:]
	}
	return b
}

func trimRight(b []byte, in func(byte) bool) []byte {
	for len(b) > 0 && in(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
