package pyext

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// searchArgs reads (sub[, start[, end]]) and returns the searched part of
// s with the code point index it starts at.
func searchArgs(fn string, s string, args py.Tuple, kwargs py.StringDict) (sub, hay string, offset int, ok bool, err error) {
	var subObj, startObj, endObj py.Object = nil, py.None, py.None
	if err = unpackVarargs(fn, args, kwargs, 1, []string{"sub", "start", "end"}, &subObj, &startObj, &endObj); err != nil {
		return
	}
	if sub, err = strArg(subObj); err != nil {
		return
	}
	n := runeLen(s)
	start, end, err := sliceBounds(startObj, endObj, n)
	if err != nil || start > n || start > end {
		// CPython finds nothing, not even "", past the end.
		return sub, "", 0, false, err
	}
	hay, _ = span(s, start, end)
	return sub, hay, start, true, nil
}

// findIn is str.find (last false) or str.rfind (last true): the code
// point index of sub, or -1.
func findIn(fn string, s string, args py.Tuple, kwargs py.StringDict, last bool) (int, error) {
	sub, hay, offset, ok, err := searchArgs(fn, s, args, kwargs)
	if err != nil || !ok {
		return -1, err
	}
	var i int
	if last {
		i = strings.LastIndex(hay, sub)
	} else {
		i = strings.Index(hay, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return offset + runeLen(hay[:i]), nil
}

func strFind(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	i, err := findIn("str.find", string(s), args, kwargs, false)
	return py.Int(i), err
}

func strRfind(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	i, err := findIn("str.rfind", string(s), args, kwargs, true)
	return py.Int(i), err
}

func strIndex(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return mustFind(findIn("str.index", string(s), args, kwargs, false))
}

func strRindex(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return mustFind(findIn("str.rindex", string(s), args, kwargs, true))
}

func mustFind(i int, err error) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "substring not found")
	}
	return py.Int(i), nil
}

func strCount(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sub, hay, _, ok, err := searchArgs("str.count", string(s), args, kwargs)
	if err != nil || !ok {
		return py.Int(0), err
	}
	if sub == "" {
		return py.Int(runeLen(hay) + 1), nil
	}
	return py.Int(strings.Count(hay, sub)), nil
}

func strStartswith(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return affixMatch("str.startswith", string(s), args, kwargs, false)
}

func strEndswith(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return affixMatch("str.endswith", string(s), args, kwargs, true)
}

// affixMatch is startswith (suffix false) and endswith: the affix may be
// a tuple of candidates, and start/end select the part of s to test.
func affixMatch(fn string, s string, args py.Tuple, kwargs py.StringDict, suffix bool) (py.Object, error) {
	var affixObj, startObj, endObj py.Object = nil, py.None, py.None
	if err := unpackVarargs(fn, args, kwargs, 1, []string{"prefix", "start", "end"}, &affixObj, &startObj, &endObj); err != nil {
		return nil, err
	}
	var candidates []string
	switch a := affixObj.(type) {
	case py.String:
		candidates = []string{string(a)}
	case py.Tuple:
		for _, item := range a {
			c, ok := item.(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "tuple for %s must only contain str, not %s", shortName(fn), typeName(item))
			}
			candidates = append(candidates, string(c))
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "%s first arg must be str or a tuple of str, not %s", shortName(fn), typeName(affixObj))
	}
	n := runeLen(s)
	start, end, err := sliceBounds(startObj, endObj, n)
	if err != nil {
		return nil, err
	}
	part := ""
	if start <= end {
		part, _ = span(s, start, end)
	}
	for _, c := range candidates {
		if end-start < runeLen(c) {
			continue
		}
		if (suffix && strings.HasSuffix(part, c)) || (!suffix && strings.HasPrefix(part, c)) {
			return py.True, nil
		}
	}
	return py.False, nil
}

func strPartition(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return partition("str.partition", string(s), args, kwargs, false)
}

func strRpartition(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return partition("str.rpartition", string(s), args, kwargs, true)
}

func partition(fn, s string, args py.Tuple, kwargs py.StringDict, last bool) (py.Object, error) {
	var sepObj py.Object
	if err := unpack(fn, args, kwargs, 1, []string{"sep"}, false, &sepObj); err != nil {
		return nil, err
	}
	sep, err := strArg(sepObj)
	if err != nil {
		return nil, err
	}
	if sep == "" {
		return nil, py.ExceptionNewf(py.ValueError, "empty separator")
	}
	if last {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			return py.Tuple{py.String(""), py.String(""), py.String(s)}, nil
		}
		return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}, nil
	}
	before, after, found := strings.Cut(s, sep)
	if !found {
		return py.Tuple{py.String(s), py.String(""), py.String("")}, nil
	}
	return py.Tuple{py.String(before), py.String(sep), py.String(after)}, nil
}

func strRemoveprefix(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var affix py.Object
	if err := unpack("str.removeprefix", args, kwargs, 1, []string{"prefix"}, false, &affix); err != nil {
		return nil, err
	}
	p, err := strArg(affix)
	if err != nil {
		return nil, err
	}
	return py.String(strings.TrimPrefix(string(s), p)), nil
}

func strRemovesuffix(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var affix py.Object
	if err := unpack("str.removesuffix", args, kwargs, 1, []string{"suffix"}, false, &affix); err != nil {
		return nil, err
	}
	p, err := strArg(affix)
	if err != nil {
		return nil, err
	}
	return py.String(strings.TrimSuffix(string(s), p)), nil
}
