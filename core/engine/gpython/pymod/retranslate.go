package pymod

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Translation of Python regular expression syntax into Go's RE2 syntax.
// RE2 matches in linear time, so it has no backreferences, lookaround,
// atomic groups, possessive quantifiers or conditionals: those raise
// re.error. Python's own meanings are kept where the syntaxes differ:
// Unicode \d \w \s for str patterns, \Z, $ before a final newline,
// {,n}, verbose mode, inline flags.

// Python's flag values.
const (
	flagTemplate   = 1
	flagIgnoreCase = 2
	flagLocale     = 4
	flagMultiline  = 8
	flagDotAll     = 16
	flagUnicode    = 32
	flagVerbose    = 64
	flagDebug      = 128
	flagASCII      = 256
)

// reError is a syntax error at a position of the Python pattern.
type reError struct {
	msg string
	pos int // -1: no position
}

func (e *reError) Error() string { return e.msg }

type translation struct {
	expr   string   // RE2 syntax
	flags  int      // the compile flags plus any global inline flags
	names  []string // group names by number; [0] and unnamed groups ""
	dollar bool     // uses $ outside multiline mode
	// parents gives each group's innermost enclosing group (0: none).
	parents []int
}

// encloses says whether group outer contains group inner.
func (tr *translation) encloses(outer, inner int) bool {
	for g := tr.parents[inner]; g > 0; g = tr.parents[g] {
		if g == outer {
			return true
		}
	}
	return false
}

type scope struct {
	verbose, multiline, dotAll, ignoreCase, ascii bool
}

type translator struct {
	src     []rune
	i       int
	out     strings.Builder
	isBytes bool
	flags   int
	scopes  []scope
	names   []string
	nameAt  map[string]int
	dollar  bool
	parents []int
	open    []int // capturing groups being translated
	// last is what the previous element was, for quantifier errors.
	last elemKind
}

type elemKind int

const (
	elemNone   elemKind = iota // start, after ( or |
	elemAtom                   // something a quantifier may follow
	elemRepeat                 // a quantifier
	elemAssert                 // a zero-width assertion
)

func translatePattern(pattern string, flags int, isBytes bool) (*translation, error) {
	t := &translator{src: []rune(pattern), isBytes: isBytes, flags: flags, names: []string{""}, parents: []int{0}, nameAt: map[string]int{}}
	if err := t.leadingFlags(); err != nil {
		return nil, err
	}
	if err := t.checkFlags(); err != nil {
		return nil, err
	}
	f := t.flags
	t.scopes = []scope{{
		verbose: f&flagVerbose != 0, multiline: f&flagMultiline != 0, dotAll: f&flagDotAll != 0,
		ignoreCase: f&flagIgnoreCase != 0, ascii: f&flagASCII != 0 || isBytes,
	}}
	if f&flagIgnoreCase != 0 {
		t.out.WriteString("(?i)")
	}
	if f&flagDotAll != 0 {
		t.out.WriteString("(?s)")
	}
	if err := t.sequence(0); err != nil {
		return nil, err
	}
	if !isBytes {
		t.flags |= flagUnicode
	}
	return &translation{expr: t.out.String(), flags: t.flags, names: t.names, dollar: t.dollar, parents: t.parents}, nil
}

func (t *translator) checkFlags() error {
	f := t.flags
	switch {
	case t.isBytes && f&flagUnicode != 0:
		return &reError{"cannot use UNICODE flag with a bytes pattern", -1}
	case !t.isBytes && f&flagLocale != 0:
		return &reError{"cannot use LOCALE flag with a str pattern", -1}
	case f&flagASCII != 0 && f&flagUnicode != 0:
		return &reError{"ASCII and UNICODE flags are incompatible", -1}
	case f&flagASCII != 0 && f&flagLocale != 0:
		return &reError{"ASCII and LOCALE flags are incompatible", -1}
	}
	return nil
}

var inlineFlags = map[rune]int{
	'a': flagASCII, 'i': flagIgnoreCase, 'L': flagLocale, 'm': flagMultiline,
	's': flagDotAll, 'u': flagUnicode, 'x': flagVerbose,
}

// leadingFlags consumes (?aiLmsux) groups at the start of the pattern,
// the only place Python 3.11 accepts global flags.
func (t *translator) leadingFlags() error {
	for t.peekString("(?") {
		j := t.i + 2
		f := 0
		for j < len(t.src) && inlineFlags[t.src[j]] != 0 {
			f |= inlineFlags[t.src[j]]
			j++
		}
		if j == t.i+2 || j >= len(t.src) || t.src[j] != ')' {
			return nil // a scoped group or another extension
		}
		t.flags |= f
		t.i = j + 1
	}
	return nil
}

func (t *translator) top() scope { return t.scopes[len(t.scopes)-1] }

func (t *translator) peekString(s string) bool {
	r := []rune(s)
	if t.i+len(r) > len(t.src) {
		return false
	}
	for k, c := range r {
		if t.src[t.i+k] != c {
			return false
		}
	}
	return true
}

func (t *translator) errorf(pos int, format string, args ...any) error {
	return &reError{fmt.Sprintf(format, args...), pos}
}

// sequence translates until the end of the pattern or, inside a group
// (depth > 0), its closing parenthesis, which is left unconsumed.
func (t *translator) sequence(depth int) error {
	for t.i < len(t.src) {
		c := t.src[t.i]
		if t.top().verbose {
			if strings.ContainsRune(" \t\n\r\f\v", c) {
				t.i++
				continue
			}
			if c == '#' {
				for t.i < len(t.src) && t.src[t.i] != '\n' {
					t.i++
				}
				continue
			}
		}
		switch c {
		case ')':
			if depth == 0 {
				return t.errorf(t.i, "unbalanced parenthesis")
			}
			return nil
		case '(':
			if err := t.group(depth); err != nil {
				return err
			}
		case '|':
			t.out.WriteByte('|')
			t.i++
			t.last = elemNone
		case '[':
			if err := t.class(); err != nil {
				return err
			}
			t.last = elemAtom
		case '*', '+', '?', '{':
			if err := t.quantifier(); err != nil {
				return err
			}
		case '.':
			t.out.WriteByte('.')
			t.i++
			t.last = elemAtom
		case '^':
			if t.top().multiline {
				t.out.WriteString("(?m:^)")
			} else {
				t.out.WriteString(`\A`)
			}
			t.i++
			t.last = elemAssert
		case '$':
			if t.top().multiline {
				t.out.WriteString("(?m:$)")
			} else {
				t.out.WriteString(`\z`)
				t.dollar = true
			}
			t.i++
			t.last = elemAssert
		case '\\':
			if err := t.escape(); err != nil {
				return err
			}
		default:
			t.out.WriteString(regexp.QuoteMeta(string(c)))
			t.i++
			t.last = elemAtom
		}
	}
	return nil
}

// quantifier handles *, +, ?, {m,n} and their lazy forms.
func (t *translator) quantifier() error {
	start := t.i
	c := t.src[t.i]
	var q string
	if c == '{' {
		m, n, end, ok := t.braces()
		if !ok { // not a repeat: a literal brace
			t.out.WriteString(`\{`)
			t.i++
			t.last = elemAtom
			return nil
		}
		if m != "" && n != "" && n != "-" {
			lo, _ := strconv.Atoi(m)
			hi, _ := strconv.Atoi(n)
			if lo > hi {
				return t.errorf(start+1, "min repeat greater than max repeat")
			}
		}
		switch {
		case n == "-": // {m}
			q = "{" + m + "}"
		case m == "":
			q = "{0," + n + "}"
		default:
			q = "{" + m + "," + n + "}"
		}
		t.i = end
	} else {
		q = string(c)
		t.i++
	}
	switch t.last {
	case elemNone, elemAssert:
		return t.errorf(start, "nothing to repeat")
	case elemRepeat:
		return t.errorf(start, "multiple repeat")
	}
	if t.i < len(t.src) && t.src[t.i] == '?' {
		q += "?"
		t.i++
	} else if t.i < len(t.src) && t.src[t.i] == '+' {
		return t.errorf(start, "possessive quantifiers are not supported (the re module here runs on RE2)")
	}
	t.out.WriteString(q)
	t.last = elemRepeat
	return nil
}

// braces reads {m}, {m,}, {,n} or {m,n} at t.i; n is "-" for {m} and ""
// for an open upper bound.
func (t *translator) braces() (m, n string, end int, ok bool) {
	j := t.i + 1
	digits := func() string {
		k := j
		for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
			j++
		}
		return string(t.src[k:j])
	}
	m = digits()
	if j < len(t.src) && t.src[j] == '}' {
		if m == "" {
			return "", "", 0, false
		}
		return m, "-", j + 1, true
	}
	if j >= len(t.src) || t.src[j] != ',' {
		return "", "", 0, false
	}
	j++
	n = digits()
	if j >= len(t.src) || t.src[j] != '}' {
		return "", "", 0, false
	}
	return m, n, j + 1, true
}

// group handles ( and every (? extension.
func (t *translator) group(depth int) error {
	open := t.i
	t.i++
	if t.i < len(t.src) && t.src[t.i] == '?' {
		t.i++
		if t.i >= len(t.src) {
			return t.errorf(t.i, "unexpected end of pattern")
		}
		switch c := t.src[t.i]; c {
		case ':':
			t.i++
			t.out.WriteString("(?:")
			return t.body(open, depth, t.top())
		case 'P':
			return t.namedGroup(open, depth)
		case '#':
			for t.i < len(t.src) && t.src[t.i] != ')' {
				t.i++
			}
			if t.i >= len(t.src) {
				return t.errorf(open, "missing ), unterminated comment")
			}
			t.i++
			return nil
		case '=', '!':
			return t.errorf(open, "look-ahead assertions are not supported (the re module here runs on RE2)")
		case '<':
			if t.i+1 < len(t.src) && (t.src[t.i+1] == '=' || t.src[t.i+1] == '!') {
				return t.errorf(open, "look-behind assertions are not supported (the re module here runs on RE2)")
			}
			if t.i+1 < len(t.src) {
				return t.errorf(open+1, "unknown extension ?<%c", t.src[t.i+1])
			}
			return t.errorf(t.i+1, "unexpected end of pattern")
		case '>':
			return t.errorf(open, "atomic groups are not supported (the re module here runs on RE2)")
		case '(':
			return t.errorf(open, "conditional groups are not supported (the re module here runs on RE2)")
		default:
			if inlineFlags[c] != 0 || c == '-' {
				return t.scopedFlags(open, depth)
			}
			return t.errorf(open+1, "unknown extension ?%c", c)
		}
	}
	t.newGroup("")
	t.out.WriteByte('(')
	return t.captureBody(open, depth)
}

// newGroup numbers a capturing group and notes what encloses it.
func (t *translator) newGroup(name string) {
	parent := 0
	if len(t.open) > 0 {
		parent = t.open[len(t.open)-1]
	}
	t.names = append(t.names, name)
	t.parents = append(t.parents, parent)
}

// captureBody is body for a capturing group just numbered.
func (t *translator) captureBody(open, depth int) error {
	t.open = append(t.open, len(t.names)-1)
	err := t.body(open, depth, t.top())
	t.open = t.open[:len(t.open)-1]
	return err
}

// body translates a group's contents and its closing parenthesis.
func (t *translator) body(open, depth int, sc scope) error {
	t.scopes = append(t.scopes, sc)
	t.last = elemNone
	if err := t.sequence(depth + 1); err != nil {
		return err
	}
	if t.i >= len(t.src) {
		return t.errorf(open, "missing ), unterminated subpattern")
	}
	t.i++
	t.scopes = t.scopes[:len(t.scopes)-1]
	t.out.WriteByte(')')
	t.last = elemAtom
	return nil
}

func (t *translator) namedGroup(open, depth int) error {
	t.i++ // past P
	if t.i >= len(t.src) {
		return t.errorf(t.i, "unexpected end of pattern")
	}
	switch t.src[t.i] {
	case '<':
		t.i++
		start := t.i
		for t.i < len(t.src) && t.src[t.i] != '>' {
			t.i++
		}
		if t.i >= len(t.src) {
			return t.errorf(start, "missing >, unterminated name")
		}
		name := string(t.src[start:t.i])
		t.i++
		if name == "" {
			return t.errorf(start, "missing group name")
		}
		if !isIdentifier(name) || !isGoGroupName(name) {
			return t.errorf(start, "bad character in group name %s", quoteRepr(name))
		}
		if prev, dup := t.nameAt[name]; dup {
			return t.errorf(start, "redefinition of group name %s as group %d; was group %d", quoteRepr(name), len(t.names), prev)
		}
		t.nameAt[name] = len(t.names)
		t.newGroup(name)
		t.out.WriteString("(?P<" + name + ">")
		return t.captureBody(open, depth)
	case '=':
		return t.errorf(open, "backreferences are not supported (the re module here runs on RE2)")
	}
	return t.errorf(t.i, "unknown extension ?P%c", t.src[t.i])
}

// isGoGroupName: Go accepts only ASCII word characters in group names.
func isGoGroupName(name string) bool {
	for _, r := range name {
		if !(r == '_' || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// scopedFlags handles (?flags-flags:...).
func (t *translator) scopedFlags(open, depth int) error {
	sc := t.top()
	on := true
	var goOn, goOff string
	for t.i < len(t.src) && t.src[t.i] != ':' {
		c := t.src[t.i]
		if c == '-' && on {
			on = false
			t.i++
			continue
		}
		f := inlineFlags[c]
		if f == 0 {
			if c == ')' {
				return t.errorf(open, "global flags not at the start of the expression")
			}
			return t.errorf(t.i, "unknown flag")
		}
		if !on && (f == flagASCII || f == flagUnicode || f == flagLocale) {
			return t.errorf(t.i, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
		}
		switch f {
		case flagIgnoreCase:
			sc.ignoreCase = on
			if on {
				goOn += "i"
			} else {
				goOff += "i"
			}
		case flagDotAll:
			sc.dotAll = on
			if on {
				goOn += "s"
			} else {
				goOff += "s"
			}
		case flagMultiline:
			sc.multiline = on
		case flagVerbose:
			sc.verbose = on
		case flagASCII:
			sc.ascii = true
		case flagUnicode:
			sc.ascii = t.isBytes
		}
		t.i++
	}
	if t.i >= len(t.src) {
		return t.errorf(t.i, "missing -, : or )")
	}
	t.i++ // past :
	switch {
	case goOn == "" && goOff == "":
		t.out.WriteString("(?:")
	case goOff == "":
		t.out.WriteString("(?" + goOn + ":")
	default:
		t.out.WriteString("(?" + goOn + "-" + goOff + ":")
	}
	return t.body(open, depth, sc)
}
