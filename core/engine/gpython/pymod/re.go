package pymod

import (
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
)

// re: regular expressions on Go's RE2 engine, with Python's syntax and
// match semantics as far as RE2 allows (see retranslate.go for what it
// cannot do).

func reModule() *py.ModuleImpl {
	globals := py.StringDict{
		"error":   reErrorType,
		"Pattern": patternType,
		"Match":   matchType,
		"NOFLAG":  reFlag(0),
	}
	for _, f := range []struct {
		short, long string
		value       int
	}{
		{"I", "IGNORECASE", flagIgnoreCase}, {"L", "LOCALE", flagLocale}, {"M", "MULTILINE", flagMultiline},
		{"S", "DOTALL", flagDotAll}, {"U", "UNICODE", flagUnicode}, {"X", "VERBOSE", flagVerbose},
		{"A", "ASCII", flagASCII}, {"T", "TEMPLATE", flagTemplate},
	} {
		globals[f.short], globals[f.long] = reFlag(f.value), reFlag(f.value)
	}
	globals["DEBUG"] = reFlag(flagDebug)
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "re", Doc: "Support for regular expressions (RE)."},
		Methods: []*py.Method{
			method("compile", reCompile, "Compile a regular expression pattern, returning a Pattern object."),
			method("search", reFunc("search", modeSearch), "Scan through string looking for a match to the pattern, returning a Match object, or None if no match was found."),
			method("match", reFunc("match", modeMatch), "Try to apply the pattern at the start of the string, returning a Match object, or None if no match was found."),
			method("fullmatch", reFunc("fullmatch", modeFull), "Try to apply the pattern to all of the string, returning a Match object, or None if no match was found."),
			method("findall", reFindall, "Return a list of all non-overlapping matches in the string."),
			method("finditer", reFinditer, "Return an iterator over all non-overlapping matches in the string."),
			method("sub", reSub("sub"), "Return the string obtained by replacing the leftmost non-overlapping occurrences of the pattern in string by the replacement repl."),
			method("subn", reSub("subn"), "Return a 2-tuple containing (new_string, number)."),
			method("split", reSplit, "Split the source string by the occurrences of the pattern, returning a list containing the resulting substrings."),
			method("escape", reEscape, "Escape special characters in a string."),
			method("purge", func(self py.Object, args py.Tuple) (py.Object, error) {
				patternCache.purge()
				return py.None, nil
			}, "Clear the regular expression caches"),
		},
		Globals: globals,
	}
}

// patternCache keeps compiled patterns, as CPython's re does, shared by
// all contexts.
var patternCache = &reCache{entries: map[reCacheKey]*rePattern{}}

const reCacheSize = 512

type reCacheKey struct {
	pattern string
	isBytes bool
	flags   int
}

type reCache struct {
	mu      sync.Mutex
	entries map[reCacheKey]*rePattern
}

func (c *reCache) purge() {
	c.mu.Lock()
	c.entries = map[reCacheKey]*rePattern{}
	c.mu.Unlock()
}

// compile returns a compiled pattern for a str, bytes or Pattern.
func (c *reCache) compile(pattern py.Object, flags int) (*rePattern, error) {
	if p, ok := pattern.(*rePattern); ok {
		if flags != 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	var key reCacheKey
	switch v := pattern.(type) {
	case py.String:
		key = reCacheKey{pattern: string(v), flags: flags}
	case py.Bytes:
		key = reCacheKey{pattern: string(v), isBytes: true, flags: flags}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "first argument must be string or compiled pattern")
	}
	c.mu.Lock()
	p, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := compilePattern(pattern, flags)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.entries) >= reCacheSize {
		c.entries = map[reCacheKey]*rePattern{} // as CPython's cache, start over when full
	}
	c.entries[key] = p
	c.mu.Unlock()
	return p, nil
}

func flagsArg(o py.Object) (int, error) {
	if o == nil || o == py.None {
		return 0, nil
	}
	return goInt(o, "flags")
}

func reCompile(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var pattern py.Object
	var flags py.Object = py.Int(0)
	if err := parseArgs("compile", args, kwargs, []string{"pattern", "flags"}, 1, &pattern, &flags); err != nil {
		return nil, err
	}
	f, err := flagsArg(flags)
	if err != nil {
		return nil, err
	}
	return patternCache.compile(pattern, f)
}

// patternAndRest compiles the leading pattern argument of a module-level
// function and returns the other arguments, flags taken out.
func patternAndRest(fname string, args py.Tuple, kwargs py.StringDict, names []string, required int) (*rePattern, []py.Object, error) {
	all := append([]string{"pattern"}, names...)
	all = append(all, "flags")
	values := make([]py.Object, len(all))
	values[len(values)-1] = py.Int(0)
	ptrs := make([]*py.Object, len(values))
	for i := range values {
		ptrs[i] = &values[i]
	}
	if err := parseArgs(fname, args, kwargs, all, required+1, ptrs...); err != nil {
		return nil, nil, err
	}
	f, err := flagsArg(values[len(values)-1])
	if err != nil {
		return nil, nil, err
	}
	p, err := patternCache.compile(values[0], f)
	if err != nil {
		return nil, nil, err
	}
	return p, values[1 : len(values)-1], nil
}

func reFunc(fname string, mode matchMode) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		p, rest, err := patternAndRest(fname, args, kwargs, []string{"string"}, 1)
		if err != nil {
			return nil, err
		}
		s, err := newSubject(rest[0], p.isBytes)
		if err != nil {
			return nil, err
		}
		return p.matchObject(s, 0, s.length(), p.find(s, 0, len(s.text), mode)), nil
	}
}

func reFindall(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, rest, err := patternAndRest("findall", args, kwargs, []string{"string"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := newSubject(rest[0], p.isBytes)
	if err != nil {
		return nil, err
	}
	return p.findall(s, 0, len(s.text)), nil
}

func reFinditer(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, rest, err := patternAndRest("finditer", args, kwargs, []string{"string"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := newSubject(rest[0], p.isBytes)
	if err != nil {
		return nil, err
	}
	return &matchIter{sc: newScanner(p, s, 0, len(s.text)), pos: 0, endpos: s.length()}, nil
}

func reSub(fname string) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		p, rest, err := patternAndRest(fname, args, kwargs, []string{"repl", "string", "count"}, 2)
		if err != nil {
			return nil, err
		}
		count, err := optInt(rest[2], 0, "count")
		if err != nil {
			return nil, err
		}
		res, n, err := p.sub(rest[0], rest[1], count)
		if err != nil {
			return nil, err
		}
		if fname == "subn" {
			return py.Tuple{res, py.Int(n)}, nil
		}
		return res, nil
	}
}

func reSplit(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p, rest, err := patternAndRest("split", args, kwargs, []string{"string", "maxsplit"}, 1)
	if err != nil {
		return nil, err
	}
	maxsplit, err := optInt(rest[1], 0, "maxsplit")
	if err != nil {
		return nil, err
	}
	return p.split(rest[0], maxsplit)
}

// reSpecial are the characters re.escape escapes (Python 3.7+).
const reSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

func reEscape(self py.Object, pattern py.Object) (py.Object, error) {
	escape := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if r < 0x80 && strings.ContainsRune(reSpecial, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	switch v := pattern.(type) {
	case py.String:
		return py.String(escape(string(v))), nil
	case py.Bytes:
		return narrowBytes(escape(widenBytes(v))), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "expected str or bytes, not %s", pattern.Type().Name)
}
