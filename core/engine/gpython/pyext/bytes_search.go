package pyext

import (
	"bytes"

	"github.com/go-python/gpython/py"
)

// bytesSearchArgs reads (sub[, start[, end]]), sub being bytes or a byte
// value, and returns the searched window with its offset.
func bytesSearchArgs(fn string, b []byte, args py.Tuple, kwargs py.StringDict) (sub, hay []byte, offset int, ok bool, err error) {
	var subObj, startObj, endObj py.Object = nil, py.None, py.None
	if err = unpackVarargs(fn, args, kwargs, 1, []string{"sub", "start", "end"}, &subObj, &startObj, &endObj); err != nil {
		return
	}
	switch s := subObj.(type) {
	case py.Bytes:
		sub = s
	case py.Int, py.Bool, *py.BigInt:
		v, convErr := toInt(s)
		if convErr != nil {
			return nil, nil, 0, false, convErr
		}
		if v < 0 || v > 255 {
			return nil, nil, 0, false, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
		}
		sub = []byte{byte(v)}
	default:
		return nil, nil, 0, false, py.ExceptionNewf(py.TypeError, "argument should be integer or bytes-like object, not '%s'", typeName(subObj))
	}
	start, end, err := sliceBounds(startObj, endObj, len(b))
	if err != nil || start > len(b) || start > end {
		return sub, nil, 0, false, err
	}
	return sub, b[start:end], start, true, nil
}

func bytesFindIn(fn string, b []byte, args py.Tuple, kwargs py.StringDict, last bool) (int, error) {
	sub, hay, offset, ok, err := bytesSearchArgs(fn, b, args, kwargs)
	if err != nil || !ok {
		return -1, err
	}
	i := bytes.Index(hay, sub)
	if last {
		i = bytes.LastIndex(hay, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return offset + i, nil
}

func bytesFind(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	i, err := bytesFindIn("bytes.find", b, args, kwargs, false)
	return py.Int(i), err
}

func bytesRfind(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	i, err := bytesFindIn("bytes.rfind", b, args, kwargs, true)
	return py.Int(i), err
}

func bytesIndex(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return mustFindSubsection(bytesFindIn("bytes.index", b, args, kwargs, false))
}

func bytesRindex(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return mustFindSubsection(bytesFindIn("bytes.rindex", b, args, kwargs, true))
}

func mustFindSubsection(i int, err error) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "subsection not found")
	}
	return py.Int(i), nil
}

func bytesCount(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sub, hay, _, ok, err := bytesSearchArgs("bytes.count", b, args, kwargs)
	if err != nil || !ok {
		return py.Int(0), err
	}
	return py.Int(bytes.Count(hay, sub)), nil
}

func bytesStartswith(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return bytesAffixMatch("bytes.startswith", b, args, kwargs, false)
}

func bytesEndswith(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return bytesAffixMatch("bytes.endswith", b, args, kwargs, true)
}

func bytesAffixMatch(fn string, b []byte, args py.Tuple, kwargs py.StringDict, suffix bool) (py.Object, error) {
	var affixObj, startObj, endObj py.Object = nil, py.None, py.None
	if err := unpackVarargs(fn, args, kwargs, 1, []string{"prefix", "start", "end"}, &affixObj, &startObj, &endObj); err != nil {
		return nil, err
	}
	var candidates [][]byte
	switch a := affixObj.(type) {
	case py.Bytes:
		candidates = [][]byte{a}
	case py.Tuple:
		for _, item := range a {
			c, ok := item.(py.Bytes)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", typeName(item))
			}
			candidates = append(candidates, c)
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", shortName(fn), typeName(affixObj))
	}
	start, end, err := sliceBounds(startObj, endObj, len(b))
	if err != nil {
		return nil, err
	}
	for _, c := range candidates {
		if end-start < len(c) {
			continue
		}
		part := b[start:end]
		if (suffix && bytes.HasSuffix(part, c)) || (!suffix && bytes.HasPrefix(part, c)) {
			return py.True, nil
		}
	}
	return py.False, nil
}
