package pymod

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// rePattern is a compiled pattern (re.Pattern). Patterns are shared by
// every context through the compile cache and are immutable apart from
// the lazily compiled variants, which a mutex guards.
type rePattern struct {
	source     py.Object // the pattern as given, str or bytes
	isBytes    bool
	tr         *translation
	re         *regexp.Regexp // searches from the start of a subject
	nullable   bool           // may match the empty string
	groupIndex map[string]int

	mu       sync.Mutex
	variants map[matchMode]*regexp.Regexp
}

type matchMode int

const (
	modeSearch matchMode = iota
	modeMatch
	modeFull
	// The same three, for a start inside the subject: the variant first
	// consumes the character before the start, so that \b and ^ in
	// MULTILINE see it, and reports the real match as group 1.
	modeSearchAfter
	modeMatchAfter
	modeFullAfter
)

var patternType = newGoType("re.Pattern", "Compiled regular expression object.")

func (p *rePattern) Type() *py.Type { return patternType }

func compilePattern(source py.Object, flags int) (*rePattern, error) {
	var src string
	isBytes := false
	switch v := source.(type) {
	case py.String:
		src = string(v)
	case py.Bytes:
		src, isBytes = widenBytes(v), true
	default:
		return nil, py.ExceptionNewf(py.TypeError, "first argument must be string or compiled pattern")
	}
	tr, err := translatePattern(src, flags, isBytes)
	if err != nil {
		return nil, reErrorFor(err, source)
	}
	re, err := regexp.Compile(tr.expr)
	if err != nil {
		return nil, reErrorFor(goRegexpError(err), source)
	}
	p := &rePattern{source: source, isBytes: isBytes, tr: tr, re: re, groupIndex: map[string]int{}, variants: map[matchMode]*regexp.Regexp{}}
	for i, name := range tr.names {
		if name != "" {
			p.groupIndex[name] = i
		}
	}
	if parsed, err := syntax.Parse(tr.expr, syntax.Perl); err == nil {
		p.nullable = nullable(parsed)
	} else {
		p.nullable = true
	}
	return p, nil
}

// goRegexpError rewords what RE2 refused that the translation let
// through (repeat counts over 1000, bad ranges, ...).
func goRegexpError(err error) error {
	if se, ok := err.(*syntax.Error); ok {
		return &reError{msg: string(se.Code) + ": " + se.Expr, pos: -1}
	}
	return &reError{msg: err.Error(), pos: -1}
}

// nullable says whether a parsed expression can match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
		return false
	}
	return true // empty match, assertions, star, quest
}

func (p *rePattern) groups() int { return len(p.tr.names) - 1 }

// variant compiles (once) the regexp for a matching mode.
func (p *rePattern) variant(mode matchMode) *regexp.Regexp {
	if mode == modeSearch {
		return p.re
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if re, ok := p.variants[mode]; ok {
		return re
	}
	expr := p.tr.expr
	var v string
	switch mode {
	case modeMatch:
		v = `\A(?:` + expr + `)`
	case modeFull:
		v = `\A(?:` + expr + `)\z`
	case modeSearchAfter:
		v = `\A(?s:.)(?s:.*?)(` + expr + `)`
	case modeMatchAfter:
		v = `\A(?s:.)(` + expr + `)`
	case modeFullAfter:
		v = `\A(?s:.)(` + expr + `)\z`
	}
	re := regexp.MustCompile(v) // the pattern itself compiled already
	p.variants[mode] = re
	return re
}

// find locates a match in s.text[:end] starting at byte offset pos (or,
// searching, later). The result is Go's submatch index layout in byte
// offsets of text, or nil.
func (p *rePattern) find(s *reSubject, pos, end int, mode matchMode) []int {
	if pos > end {
		return nil
	}
	loc := p.findIn(s.text[:end], pos, mode)
	// Outside MULTILINE, Python's $ also matches before a newline that
	// ends the string; the translation's \z does not, so the text without
	// that newline is tried too, and the earlier match wins.
	if p.tr.dollar && mode != modeFull && end > pos && s.text[end-1] == '\n' {
		if alt := p.findIn(s.text[:end-1], pos, mode); alt != nil && (loc == nil || alt[0] < loc[0]) {
			loc = alt
		}
	}
	return loc
}

func (p *rePattern) findIn(text string, pos int, mode matchMode) []int {
	if pos == 0 {
		return p.variant(mode).FindStringSubmatchIndex(text)
	}
	_, w := utf8.DecodeLastRuneInString(text[:pos])
	from := pos - w
	loc := p.variant(mode + modeSearchAfter).FindStringSubmatchIndex(text[from:])
	if loc == nil {
		return nil
	}
	out := loc[2:]
	for i := range out {
		if out[i] >= 0 {
			out[i] += from
		}
	}
	return out
}

// scanner walks successive non-overlapping matches as Python 3.7+ does:
// an empty match may directly follow a non-empty one, but not another
// empty match at the same place.
type scanner struct {
	p           *rePattern
	s           *reSubject
	pos, end    int // byte offsets
	mustAdvance bool
	done        bool
	// all holds the matches when Go's own iteration gives the same result
	// (the pattern cannot match empty, so empty-match rules never apply).
	all [][]int
}

func newScanner(p *rePattern, s *reSubject, pos, end int) *scanner {
	sc := &scanner{p: p, s: s, pos: pos, end: end}
	if pos == 0 && !p.nullable && !p.tr.dollar {
		sc.all = p.re.FindAllStringSubmatchIndex(s.text[:end], -1)
		if sc.all == nil {
			sc.all = [][]int{}
		}
	}
	return sc
}

func (sc *scanner) next() []int {
	if sc.done {
		return nil
	}
	if sc.all != nil {
		if len(sc.all) == 0 {
			sc.done = true
			return nil
		}
		loc := sc.all[0]
		sc.all = sc.all[1:]
		return loc
	}
	loc := sc.p.find(sc.s, sc.pos, sc.end, modeSearch)
	if loc != nil && sc.mustAdvance && loc[0] == sc.pos && loc[1] == sc.pos {
		if sc.pos >= sc.end {
			loc = nil
		} else {
			loc = sc.p.find(sc.s, sc.s.nextChar(sc.pos), sc.end, modeSearch)
		}
	}
	if loc == nil {
		sc.done = true
		return nil
	}
	sc.mustAdvance = loc[0] == loc[1]
	sc.pos = loc[1]
	return loc
}
