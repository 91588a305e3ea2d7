package pyext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// isPySpace is Python's idea of whitespace, which also counts the ASCII
// separators \x1c-\x1f that Go's unicode.IsSpace leaves out.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// splitArgs reads (sep=None, maxsplit=-1).
func splitArgs(fn string, args py.Tuple, kwargs py.StringDict) (sep string, hasSep bool, maxsplit int, err error) {
	var sepObj, maxObj py.Object = py.None, py.Int(-1)
	if err = unpack(fn, args, kwargs, 0, []string{"sep", "maxsplit"}, true, &sepObj, &maxObj); err != nil {
		return
	}
	if sep, hasSep, err = optStrArg(sepObj); err != nil {
		return
	}
	if hasSep && sep == "" {
		err = py.ExceptionNewf(py.ValueError, "empty separator")
		return
	}
	maxsplit, err = toInt(maxObj)
	return
}

func strSplit(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep, hasSep, maxsplit, err := splitArgs("str.split", args, kwargs)
	if err != nil {
		return nil, err
	}
	if hasSep {
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return stringList(strings.SplitN(string(s), sep, n)), nil
	}
	return stringList(splitSpace(string(s), maxsplit)), nil
}

func strRsplit(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep, hasSep, maxsplit, err := splitArgs("str.rsplit", args, kwargs)
	if err != nil {
		return nil, err
	}
	if hasSep {
		return stringList(rsplitSep(string(s), sep, maxsplit)), nil
	}
	return stringList(rsplitSpace(string(s), maxsplit)), nil
}

// splitSpace splits on runs of whitespace; after maxsplit splits the rest
// is one field, its leading whitespace dropped and its trailing kept.
func splitSpace(s string, maxsplit int) []string {
	var out []string
	i := 0
	for {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isPySpace(r) {
				break
			}
			i += size
		}
		if i == len(s) {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			return append(out, s[i:])
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isPySpace(r) {
				break
			}
			j += size
		}
		out = append(out, s[i:j])
		i = j
	}
}

// rsplitSpace is splitSpace working from the end.
func rsplitSpace(s string, maxsplit int) []string {
	var rev []string
	j := len(s)
	for {
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isPySpace(r) {
				break
			}
			j -= size
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(rev) == maxsplit {
			rev = append(rev, s[:j])
			break
		}
		i := j
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if isPySpace(r) {
				break
			}
			i -= size
		}
		rev = append(rev, s[i:j])
		j = i
	}
	reverseStrings(rev)
	return rev
}

func rsplitSep(s, sep string, maxsplit int) []string {
	var rev []string
	for maxsplit < 0 || len(rev) < maxsplit {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		rev = append(rev, s[i+len(sep):])
		s = s[:i]
	}
	rev = append(rev, s)
	reverseStrings(rev)
	return rev
}

func reverseStrings(xs []string) {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
}

func stringList(parts []string) *py.List {
	l := py.NewListSized(len(parts))
	for i, p := range parts {
		l.Items[i] = py.String(p)
	}
	return l
}

// isLineBreak is the set str.splitlines breaks on.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func strSplitlines(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var keepObj py.Object = py.False
	if err := unpack("str.splitlines", args, kwargs, 0, []string{"keepends"}, true, &keepObj); err != nil {
		return nil, err
	}
	keep, err := isTrue(keepObj)
	if err != nil {
		return nil, err
	}
	str := string(s)
	var lines []string
	start := 0
	for i := 0; i < len(str); {
		r, size := utf8.DecodeRuneInString(str[i:])
		if !isLineBreak(r) {
			i += size
			continue
		}
		end := i + size
		if r == '\r' && end < len(str) && str[end] == '\n' {
			end++
		}
		if keep {
			lines = append(lines, str[start:end])
		} else {
			lines = append(lines, str[start:i])
		}
		start, i = end, end
	}
	if start < len(str) {
		lines = append(lines, str[start:])
	}
	return stringList(lines), nil
}

// stripSet reads strip's optional chars; nil means whitespace.
func stripSet(fn string, args py.Tuple, kwargs py.StringDict) (func(rune) bool, error) {
	var charsObj py.Object = py.None
	if err := unpack(fn, args, kwargs, 0, []string{"chars"}, false, &charsObj); err != nil {
		return nil, err
	}
	if charsObj == py.None {
		return isPySpace, nil
	}
	chars, ok := charsObj.(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "%s arg must be None or str", shortName(fn))
	}
	return func(r rune) bool { return strings.ContainsRune(string(chars), r) }, nil
}

func strStrip(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f, err := stripSet("str.strip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(strings.TrimFunc(string(s), f)), nil
}

func strLstrip(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f, err := stripSet("str.lstrip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(strings.TrimLeftFunc(string(s), f)), nil
}

func strRstrip(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f, err := stripSet("str.rstrip", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.String(strings.TrimRightFunc(string(s), f)), nil
}

func strJoin(s py.String, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable py.Object
	if err := unpack("str.join", args, kwargs, 1, []string{"iterable"}, false, &iterable); err != nil {
		return nil, err
	}
	var b strings.Builder
	i := 0
	err := iterate(iterable, func(item py.Object) (bool, error) {
		part, ok := item.(py.String)
		if !ok {
			return false, py.ExceptionNewf(py.TypeError, "sequence item %d: expected str instance, %s found", i, typeName(item))
		}
		if i > 0 {
			b.WriteString(string(s))
		}
		b.WriteString(string(part))
		i++
		return true, nil
	})
	if err != nil {
		if i == 0 && py.IsException(py.TypeError, err) && !isIterable(iterable) {
			return nil, py.ExceptionNewf(py.TypeError, "can only join an iterable")
		}
		return nil, err
	}
	return py.String(b.String()), nil
}

// isIterable tells whether iter(obj) would succeed, for error messages.
func isIterable(obj py.Object) bool {
	_, err := iterOf(obj)
	return err == nil
}
