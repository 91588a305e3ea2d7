package pymod

import (
	"fmt"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
)

// Rune range arithmetic for character classes that mix items with the
// complements of shorthand classes: [^\W\d] is "word characters that are
// not digits", which RE2 syntax cannot say directly.

type runeRange struct{ lo, hi rune }

// classRanges computes items ∪ ¬c1 ∪ ¬c2 ..., complemented when negated;
// items and each ci are Go class bodies.
func classRanges(items string, complements []string, negated bool) []runeRange {
	set := parseRanges(items)
	for _, c := range complements {
		set = unionRanges(set, complementRanges(parseRanges(c)))
	}
	if negated {
		set = complementRanges(set)
	}
	return set
}

// parseRanges lets Go's parser read a class body into ranges.
func parseRanges(body string) []runeRange {
	if body == "" {
		return nil
	}
	re, err := syntax.Parse("["+body+"]", syntax.Perl)
	if err != nil {
		return nil
	}
	switch re.Op {
	case syntax.OpCharClass:
		out := make([]runeRange, 0, len(re.Rune)/2)
		for i := 0; i+1 < len(re.Rune); i += 2 {
			out = append(out, runeRange{re.Rune[i], re.Rune[i+1]})
		}
		return out
	case syntax.OpLiteral:
		out := make([]runeRange, len(re.Rune))
		for i, r := range re.Rune {
			out[i] = runeRange{r, r}
		}
		return normalizeRanges(out)
	case syntax.OpAnyChar:
		return []runeRange{{0, unicode.MaxRune}}
	case syntax.OpAnyCharNotNL:
		return []runeRange{{0, '\n' - 1}, {'\n' + 1, unicode.MaxRune}}
	}
	return nil
}

func normalizeRanges(rs []runeRange) []runeRange {
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	var out []runeRange
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func unionRanges(a, b []runeRange) []runeRange {
	return normalizeRanges(append(append([]runeRange(nil), a...), b...))
}

func complementRanges(rs []runeRange) []runeRange {
	var out []runeRange
	next := rune(0)
	for _, r := range normalizeRanges(rs) {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

// rangesClass writes ranges as a Go class.
func rangesClass(rs []runeRange) string {
	if len(rs) == 0 {
		return `[^\x{0}-\x{10FFFF}]`
	}
	var b strings.Builder
	b.WriteByte('[')
	for _, r := range rs {
		if r.lo == r.hi {
			fmt.Fprintf(&b, `\x{%x}`, r.lo)
		} else {
			fmt.Fprintf(&b, `\x{%x}-\x{%x}`, r.lo, r.hi)
		}
	}
	b.WriteByte(']')
	return b.String()
}
