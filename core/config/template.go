package config

import (
	"fmt"
	"regexp"
	"strings"
)

// A WSGIScriptAliasMatch script is a template: $0 to $9 stand for the
// groups of the match ($0 the whole match), as in Apache's AliasMatch. A '$'
// not followed by a digit is literal.

// highestRef returns the highest $N in a script template, -1 if none.
func highestRef(tmpl string) int {
	n := -1
	for i := 0; i+1 < len(tmpl); i++ {
		if tmpl[i] == '$' && isDigit(tmpl[i+1]) {
			n = max(n, int(tmpl[i+1]-'0'))
			i++
		}
	}
	return n
}

// checkRefs makes sure every $N in a template names a group of re.
func checkRefs(tmpl string, re *regexp.Regexp) error {
	if n, groups := highestRef(tmpl), re.NumSubexp(); n > groups {
		return fmt.Errorf("script %q refers to $%d but pattern %q has %d group(s); expected $N with N at most %d",
			tmpl, n, re.String(), groups, groups)
	}
	return nil
}

// expandScript substitutes the groups of a match (loc, from
// FindStringSubmatchIndex on s) into a template. A group that took no part
// in the match is empty.
func expandScript(tmpl, s string, loc []int) string {
	var b strings.Builder
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] == '$' && i+1 < len(tmpl) && isDigit(tmpl[i+1]) {
			n := int(tmpl[i+1] - '0')
			if 2*n+1 < len(loc) && loc[2*n] >= 0 {
				b.WriteString(s[loc[2*n]:loc[2*n+1]])
			}
			i++
			continue
		}
		b.WriteByte(tmpl[i])
	}
	return b.String()
}
