package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// reMatch is a match object (re.Match).
type reMatch struct {
	p           *rePattern
	s           *reSubject
	loc         []int // byte offsets of text per group, -1 when unmatched
	pos, endpos int   // as given to the search, in characters
}

var matchType = func() *py.Type {
	t := newGoType("re.Match", "The result of re.match() and re.search().")
	addMethods(t,
		goMethod("group", (*reMatch).groupMethod, "group([group1, ...]) -> str or tuple."),
		goMethod("groups", (*reMatch).groupsMethod, "Return a tuple containing all the subgroups of the match."),
		goMethod("groupdict", (*reMatch).groupdictMethod, "Return a dictionary containing all the named subgroups of the match."),
		goMethod("start", func(m *reMatch, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, _, err := m.spanArgs("start", args, kwargs)
			return a, err
		}, "Return index of the start of the substring matched by group."),
		goMethod("end", func(m *reMatch, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			_, b, err := m.spanArgs("end", args, kwargs)
			return b, err
		}, "Return index of the end of the substring matched by group."),
		goMethod("span", func(m *reMatch, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, b, err := m.spanArgs("span", args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.Tuple{a, b}, nil
		}, "For match object m, return the 2-tuple (m.start(group), m.end(group))."),
		goMethod1("expand", func(m *reMatch, template py.Object) (py.Object, error) {
			tpl, err := parseTemplate(m.p, template)
			if err != nil {
				return nil, err
			}
			return tpl.expand(m)
		}, "Return the string obtained by doing backslash substitution on the string template."),
	)
	addGetterOf(t, "pos", func(recv *reMatch) (py.Object, error) { return py.Int(recv.pos), nil })
	addGetterOf(t, "endpos", func(recv *reMatch) (py.Object, error) { return py.Int(recv.endpos), nil })
	addGetterOf(t, "re", func(recv *reMatch) (py.Object, error) { return recv.p, nil })
	addGetterOf(t, "string", func(recv *reMatch) (py.Object, error) { return recv.s.obj, nil })
	addGetterOf(t, "lastindex", func(m *reMatch) (py.Object, error) {
		if i := m.lastIndex(); i > 0 {
			return py.Int(i), nil
		}
		return py.None, nil
	})
	addGetterOf(t, "lastgroup", func(m *reMatch) (py.Object, error) {
		if i := m.lastIndex(); i > 0 && m.p.tr.names[i] != "" {
			return py.String(m.p.tr.names[i]), nil
		}
		return py.None, nil
	})
	addGetterOf(t, "regs", func(m *reMatch) (py.Object, error) {
		regs := make(py.Tuple, m.p.groups()+1)
		for i := range regs {
			a, b := m.span(i)
			regs[i] = py.Tuple{py.Int(a), py.Int(b)}
		}
		return regs, nil
	})
	return t
}()

func (m *reMatch) Type() *py.Type { return matchType }

// span is a group's (start, end) in characters, (-1, -1) if unmatched.
func (m *reMatch) span(g int) (int, int) {
	a, b := m.loc[2*g], m.loc[2*g+1]
	if a < 0 {
		return -1, -1
	}
	return m.s.charIndex(a), m.s.charIndex(b)
}

// get is a group's text, or def when it did not take part.
func (m *reMatch) get(g int, def py.Object) py.Object {
	a, b := m.loc[2*g], m.loc[2*g+1]
	if a < 0 {
		return def
	}
	return m.s.value(a, b)
}

// groupNumber resolves a group given by number or name.
func (m *reMatch) groupNumber(o py.Object) (int, error) {
	switch v := o.(type) {
	case py.String:
		if i, ok := m.p.groupIndex[string(v)]; ok {
			return i, nil
		}
	case py.Int, py.Bool, *py.BigInt:
		i, err := goInt(v, "group")
		if err == nil && i >= 0 && i <= m.p.groups() {
			return i, nil
		}
	}
	return 0, py.ExceptionNewf(py.IndexError, "no such group")
}

func (m *reMatch) groupMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "group() takes no keyword arguments")
	}
	if len(args) == 0 {
		return m.get(0, py.None), nil
	}
	out := make(py.Tuple, len(args))
	for i, a := range args {
		g, err := m.groupNumber(a)
		if err != nil {
			return nil, err
		}
		out[i] = m.get(g, py.None)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

func (m *reMatch) M__getitem__(key py.Object) (py.Object, error) {
	g, err := m.groupNumber(key)
	if err != nil {
		return nil, err
	}
	return m.get(g, py.None), nil
}

func (m *reMatch) groupsMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var def py.Object = py.None
	if err := parseArgs("groups", args, kwargs, []string{"default"}, 0, &def); err != nil {
		return nil, err
	}
	out := make(py.Tuple, m.p.groups())
	for i := range out {
		out[i] = m.get(i+1, def)
	}
	return out, nil
}

func (m *reMatch) groupdictMethod(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var def py.Object = py.None
	if err := parseArgs("groupdict", args, kwargs, []string{"default"}, 0, &def); err != nil {
		return nil, err
	}
	var keys, values []py.Object
	for i, name := range m.p.tr.names {
		if name != "" {
			keys = append(keys, py.String(name))
			values = append(values, m.get(i, def))
		}
	}
	return makeDict(keys, values)
}

func (m *reMatch) spanArgs(fname string, args py.Tuple, kwargs py.StringDict) (py.Object, py.Object, error) {
	var group py.Object = py.Int(0)
	if err := parseArgs(fname, args, kwargs, []string{"group"}, 0, &group); err != nil {
		return nil, nil, err
	}
	g, err := m.groupNumber(group)
	if err != nil {
		return nil, nil, err
	}
	a, b := m.span(g)
	return py.Int(a), py.Int(b), nil
}

// lastIndex is the group that closed last: the one ending furthest on,
// and of groups ending together the enclosing one, or else the later.
func (m *reMatch) lastIndex() int {
	best := 0
	for g := 1; g <= m.p.groups(); g++ {
		if m.loc[2*g] < 0 {
			continue
		}
		switch {
		case best == 0, m.loc[2*g+1] > m.loc[2*best+1]:
			best = g
		case m.loc[2*g+1] == m.loc[2*best+1] && !m.p.tr.encloses(best, g):
			best = g
		}
	}
	return best
}

func (m *reMatch) M__repr__() (py.Object, error) {
	a, b := m.span(0)
	r, err := reprOf(m.get(0, py.None))
	if err != nil {
		return nil, err
	}
	return py.String("<re.Match object; span=(" + itoa(a) + ", " + itoa(b) + "), match=" + r + ">"), nil
}

func (m *reMatch) M__bool__() (py.Object, error) { return py.True, nil }

// reprFlags writes flags as CPython's Pattern repr does.
func reprFlags(flags int, isBytes bool) string {
	names := []struct {
		flag int
		name string
	}{
		{flagTemplate, "re.TEMPLATE"}, {flagIgnoreCase, "re.IGNORECASE"}, {flagLocale, "re.LOCALE"},
		{flagMultiline, "re.MULTILINE"}, {flagDotAll, "re.DOTALL"}, {flagUnicode, "re.UNICODE"},
		{flagVerbose, "re.VERBOSE"}, {flagDebug, "re.DEBUG"}, {flagASCII, "re.ASCII"},
	}
	if !isBytes {
		flags &^= flagUnicode
	}
	var parts []string
	for _, n := range names {
		if flags&n.flag != 0 {
			parts = append(parts, n.name)
			flags &^= n.flag
		}
	}
	if flags != 0 {
		parts = append(parts, "0x"+strings.ToLower(itoaBase(flags, 16)))
	}
	return strings.Join(parts, "|")
}
