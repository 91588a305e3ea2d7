package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// The operations of a compiled pattern: search, match, fullmatch,
// findall, finditer, sub, subn and split.

func init() {
	addMethods(patternType,
		goMethod("search", patternMode(modeSearch, "search"), "Scan through string looking for a match, and return a corresponding match object instance."),
		goMethod("match", patternMode(modeMatch, "match"), "Matches zero or more characters at the beginning of the string."),
		goMethod("fullmatch", patternMode(modeFull, "fullmatch"), "Matches against all of the string."),
		goMethod("findall", (*rePattern).findallMethod, "Return a list of all non-overlapping matches of pattern in string."),
		goMethod("finditer", (*rePattern).finditerMethod, "Return an iterator over all non-overlapping matches for the RE pattern in string."),
		goMethod("sub", func(p *rePattern, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			res, _, err := p.subMethod("sub", args, kwargs)
			return res, err
		}, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."),
		goMethod("subn", func(p *rePattern, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			res, n, err := p.subMethod("subn", args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.Tuple{res, py.Int(n)}, nil
		}, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."),
		goMethod("split", (*rePattern).splitMethod, "Split string by the occurrences of pattern."),
	)
	addGetterOf(patternType, "pattern", func(recv *rePattern) (py.Object, error) { return recv.source, nil })
	addGetterOf(patternType, "flags", func(recv *rePattern) (py.Object, error) { return py.Int(recv.tr.flags), nil })
	addGetterOf(patternType, "groups", func(recv *rePattern) (py.Object, error) { return py.Int(recv.groups()), nil })
	addGetterOf(patternType, "groupindex", func(p *rePattern) (py.Object, error) {
		var keys, values []py.Object
		for i, name := range p.tr.names {
			if name != "" {
				keys = append(keys, py.String(name))
				values = append(values, py.Int(i))
			}
		}
		return makeDict(keys, values)
	})
}

func (p *rePattern) M__repr__() (py.Object, error) {
	src, err := reprOf(p.source)
	if err != nil {
		return nil, err
	}
	if f := reprFlags(p.tr.flags, p.isBytes); f != "" {
		return py.String("re.compile(" + src + ", " + f + ")"), nil
	}
	return py.String("re.compile(" + src + ")"), nil
}

func (p *rePattern) M__eq__(other py.Object) (py.Object, error) {
	o, ok := other.(*rePattern)
	if !ok {
		return py.NotImplemented, nil
	}
	same, err := equal(p.source, o.source)
	return py.NewBool(same && p.tr.flags == o.tr.flags), err
}

// window reads (string, pos=0, endpos=None) into a subject and byte
// offsets.
func (p *rePattern) window(fname string, args py.Tuple, kwargs py.StringDict) (*reSubject, int, int, int, int, error) {
	var str py.Object
	var pos py.Object = py.Int(0)
	var endpos py.Object = py.None
	if err := parseArgs(fname, args, kwargs, []string{"string", "pos", "endpos"}, 1, &str, &pos, &endpos); err != nil {
		return nil, 0, 0, 0, 0, err
	}
	s, err := newSubject(str, p.isBytes)
	if err != nil {
		return nil, 0, 0, 0, 0, err
	}
	n := s.length()
	from, err := optInt(pos, 0, "pos")
	if err != nil {
		return nil, 0, 0, 0, 0, err
	}
	to, err := optInt(endpos, n, "endpos")
	if err != nil {
		return nil, 0, 0, 0, 0, err
	}
	from, to = max(0, min(from, n)), max(0, min(to, n))
	return s, from, to, s.byteOffset(from), s.byteOffset(to), nil
}

func patternMode(mode matchMode, fname string) func(*rePattern, py.Tuple, py.StringDict) (py.Object, error) {
	return func(p *rePattern, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s, pos, endpos, from, to, err := p.window(fname, args, kwargs)
		if err != nil {
			return nil, err
		}
		return p.matchObject(s, pos, endpos, p.find(s, from, to, mode)), nil
	}
}

// matchObject wraps a match location, or gives None for no match.
func (p *rePattern) matchObject(s *reSubject, pos, endpos int, loc []int) py.Object {
	if loc == nil {
		return py.None
	}
	return &reMatch{p: p, s: s, loc: loc, pos: pos, endpos: endpos}
}

func (p *rePattern) findallMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s, _, _, from, to, err := p.window("findall", args, kwargs)
	if err != nil {
		return nil, err
	}
	return p.findall(s, from, to), nil
}

func (p *rePattern) findall(s *reSubject, from, to int) py.Object {
	sc := newScanner(p, s, from, to)
	out := py.NewList()
	m := &reMatch{p: p, s: s}
	for loc := sc.next(); loc != nil; loc = sc.next() {
		m.loc = loc
		switch p.groups() {
		case 0:
			out.Append(m.get(0, nil))
		case 1:
			out.Append(m.get(1, s.empty()))
		default:
			groups := make(py.Tuple, p.groups())
			for i := range groups {
				groups[i] = m.get(i+1, s.empty())
			}
			out.Append(groups)
		}
	}
	return out
}

// matchIter is what finditer returns: matches found one at a time.
type matchIter struct {
	sc          *scanner
	pos, endpos int
}

var matchIterType = newGoType("callable_iterator", "Iterator over match objects.")

func (it *matchIter) Type() *py.Type { return matchIterType }

func (it *matchIter) M__iter__() (py.Object, error) { return it, nil }

func (it *matchIter) M__next__() (py.Object, error) {
	loc := it.sc.next()
	if loc == nil {
		return nil, py.StopIteration
	}
	return &reMatch{p: it.sc.p, s: it.sc.s, loc: loc, pos: it.pos, endpos: it.endpos}, nil
}

func (p *rePattern) finditerMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s, pos, endpos, from, to, err := p.window("finditer", args, kwargs)
	if err != nil {
		return nil, err
	}
	return &matchIter{sc: newScanner(p, s, from, to), pos: pos, endpos: endpos}, nil
}

func (p *rePattern) subMethod(fname string, args py.Tuple, kwargs py.StringDict) (py.Object, int, error) {
	var repl, str py.Object
	var count py.Object = py.Int(0)
	if err := parseArgs(fname, args, kwargs, []string{"repl", "string", "count"}, 2, &repl, &str, &count); err != nil {
		return nil, 0, err
	}
	n, err := goInt(count, "count")
	if err != nil {
		return nil, 0, err
	}
	return p.sub(repl, str, n)
}

// sub replaces up to count matches (all when count is 0) with a template
// or what a function returns for each match.
func (p *rePattern) sub(repl, str py.Object, count int) (py.Object, int, error) {
	s, err := newSubject(str, p.isBytes)
	if err != nil {
		return nil, 0, err
	}
	var tpl *template
	_, isStr := repl.(py.String)
	_, isBytes := repl.(py.Bytes)
	if isStr || isBytes {
		if tpl, err = parseTemplate(p, repl); err != nil {
			return nil, 0, err
		}
	} else if _, callable := repl.(py.I__call__); !callable {
		return nil, 0, py.ExceptionNewf(py.TypeError, "expected str instance, %s found", repl.Type().Name)
	}
	var out strings.Builder
	last, n := 0, 0
	sc := newScanner(p, s, 0, len(s.text))
	for loc := sc.next(); loc != nil && (count <= 0 || n < count); loc = sc.next() {
		out.WriteString(s.text[last:loc[0]])
		m := &reMatch{p: p, s: s, loc: loc, pos: 0, endpos: s.length()}
		var piece py.Object
		if tpl != nil {
			piece, err = tpl.expand(m)
		} else {
			piece, err = py.Call(repl, py.Tuple{m}, nil)
		}
		if err != nil {
			return nil, 0, err
		}
		text, err := replacementText(piece, p.isBytes)
		if err != nil {
			return nil, 0, err
		}
		out.WriteString(text)
		last = loc[1]
		n++
	}
	out.WriteString(s.text[last:])
	if p.isBytes {
		return narrowBytes(out.String()), n, nil
	}
	return py.String(out.String()), n, nil
}

// replacementText checks what a replacement produced.
func replacementText(piece py.Object, isBytes bool) (string, error) {
	switch v := piece.(type) {
	case py.String:
		if !isBytes {
			return string(v), nil
		}
	case py.Bytes:
		if isBytes {
			return widenBytes(v), nil
		}
	}
	want := "str"
	if isBytes {
		want = "a bytes-like object"
		return "", py.ExceptionNewf(py.TypeError, "expected %s, %s found", want, piece.Type().Name)
	}
	return "", py.ExceptionNewf(py.TypeError, "expected %s instance, %s found", want, piece.Type().Name)
}

func (p *rePattern) splitMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var str py.Object
	var maxsplit py.Object = py.Int(0)
	if err := parseArgs("split", args, kwargs, []string{"string", "maxsplit"}, 1, &str, &maxsplit); err != nil {
		return nil, err
	}
	n, err := goInt(maxsplit, "maxsplit")
	if err != nil {
		return nil, err
	}
	return p.split(str, n)
}

// split cuts the string at each match (also empty ones), keeping the
// groups' texts between the pieces.
func (p *rePattern) split(str py.Object, maxsplit int) (py.Object, error) {
	s, err := newSubject(str, p.isBytes)
	if err != nil {
		return nil, err
	}
	out := py.NewList()
	m := &reMatch{p: p, s: s}
	last, n := 0, 0
	sc := newScanner(p, s, 0, len(s.text))
	for loc := sc.next(); loc != nil && (maxsplit <= 0 || n < maxsplit); loc = sc.next() {
		out.Append(s.value(last, loc[0]))
		m.loc = loc
		for g := 1; g <= p.groups(); g++ {
			out.Append(m.get(g, py.None))
		}
		last = loc[1]
		n++
	}
	out.Append(s.value(last, len(s.text)))
	return out, nil
}
