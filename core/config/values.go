package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// MaxThreads bounds WSGIThreads: each thread holds an interpreter context,
// so a typo like 10000 would exhaust memory rather than help.
const MaxThreads = 1024

// What each value parser accepts, as the "takes …" part of its messages.
const (
	onOffWant    = "On or Off"
	threadsWant  = "a whole number from 1 to 1024"
	timeoutWant  = "seconds greater than 0 (such as 30, 2.5 or 1m30s), or 0 or Off for no limit"
	callableWant = "a Python identifier (such as application)"
)

// engines are the values WSGIEngine accepts; the first is the default.
var engines = []string{DefaultEngine, "cpython"}

func engineWant() string { return strings.Join(engines, " or ") }

// ValueError is a directive value that does not parse. Its text stands on
// its own ("expected On or Off, got \"maybe\""); the file parser puts the
// directive name in front ("WSGIScriptReloading takes On or Off, got …"),
// and the nginx and Apache modules can do the same with their own names.
type ValueError struct {
	Want string // what the directive takes, e.g. "On or Off"
	Got  string // the value as written
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("expected %s, got %q", e.Want, e.Got)
}

// takes names the directive (or setting) a value error belongs to.
func takes(directive string, err error) error {
	var ve *ValueError
	if errors.As(err, &ve) {
		return fmt.Errorf("%s takes %s, got %q", directive, ve.Want, ve.Got)
	}
	return fmt.Errorf("%s: %w", directive, err)
}

// ParseOnOff reads an Apache flag: On or Off, in any letter case.
func ParseOnOff(s string) (bool, error) {
	switch {
	case strings.EqualFold(s, "on"):
		return true, nil
	case strings.EqualFold(s, "off"):
		return false, nil
	}
	return false, &ValueError{Want: onOffWant, Got: s}
}

// ParseThreads reads a thread count from 1 to MaxThreads, plain decimal
// digits only (no sign, no spaces).
func ParseThreads(s string) (int, error) {
	bad := &ValueError{Want: threadsWant, Got: s}
	if !isDigits(s) {
		return 0, bad
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxThreads {
		return 0, bad
	}
	return n, nil
}

// ParseTimeout reads a request timeout: plain seconds ("30", "2.5"), a Go
// duration with a unit ("500ms", "1m30s", what nginx users type), or 0 or
// Off for no limit. Negative values and values that round to zero are
// rejected rather than silently meaning "no limit".
func ParseTimeout(s string) (time.Duration, error) {
	if strings.EqualFold(s, "off") {
		return 0, nil
	}
	bad := &ValueError{Want: timeoutWant, Got: s}
	// A leading digit or dot rules out signs, "inf" and the like.
	if s == "" || !(isDigit(s[0]) || s[0] == '.') {
		return 0, bad
	}
	text := s
	if isDecimal(s) {
		text += "s"
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		return 0, bad
	}
	// Units have no digits, so a nonzero digit means the user asked for a
	// positive time too small to represent.
	if d == 0 && strings.ContainsAny(s, "123456789") {
		return 0, bad
	}
	return d, nil
}

// ParseEngine reads an engine name in any letter case and returns it in the
// spelling the engine registry uses.
func ParseEngine(s string) (string, error) {
	for _, e := range engines {
		if strings.EqualFold(s, e) {
			return e, nil
		}
	}
	return "", &ValueError{Want: engineWant(), Got: s}
}

// ParseCallable checks that s can name a module-level object: a Python
// identifier that is not a keyword.
func ParseCallable(s string) (string, error) {
	if !isIdentifier(s) || pythonKeywords[s] {
		return "", &ValueError{Want: callableWant, Got: s}
	}
	return s, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		start := r == '_' || unicode.IsLetter(r)
		if i == 0 && !start {
			return false
		}
		if !start && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc) {
			return false
		}
	}
	return true
}

// pythonKeywords cannot be assigned at module level, so no script can
// define a callable by these names.
var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true, "class": true,
	"continue": true, "def": true, "del": true, "elif": true, "else": true,
	"except": true, "finally": true, "for": true, "from": true, "global": true,
	"if": true, "import": true, "in": true, "is": true, "lambda": true,
	"nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isDecimal reports digits with at most one dot and at least one digit.
func isDecimal(s string) bool {
	whole, frac, _ := strings.Cut(s, ".")
	return whole+frac != "" && (whole == "" || isDigits(whole)) && (frac == "" || isDigits(frac))
}
