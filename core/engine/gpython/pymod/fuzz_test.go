package pymod

import (
	"regexp"
	"testing"
)

// The translator and the JSON decoder read untrusted text: whatever they
// are given, they must answer with a result or an error, never a panic,
// and a translation must be valid RE2.

func FuzzTranslatePattern(f *testing.F) {
	for _, seed := range []string{`a(b)c`, `[\w-]+`, `(?P<n>x)\1`, `a{2,3}?`, `(?i:a)(?x) b # c`, `[^\W\d]`, `\x4`, `(?`, `[`, `\`} {
		f.Add(seed, 0)
	}
	f.Fuzz(func(t *testing.T, pattern string, flags int) {
		tr, err := translatePattern(pattern, flags&(flagIgnoreCase|flagMultiline|flagDotAll|flagVerbose|flagASCII), false)
		if err != nil {
			return
		}
		if _, err := regexp.Compile(tr.expr); err != nil {
			if len(tr.expr) < 1000 && !isRepeatLimit(err) {
				t.Errorf("translate(%q) gave invalid RE2 %q: %v", pattern, tr.expr, err)
			}
		}
	})
}

// isRepeatLimit: RE2 refuses repeat counts over 1000, which Python allows;
// compilePattern reports that as re.error.
func isRepeatLimit(err error) bool {
	return regexp.MustCompile(`invalid repeat count|expression too large|expression nests too deeply`).MatchString(err.Error())
}

func FuzzJSONDecode(f *testing.F) {
	for _, seed := range []string{`{"a": [1, 2.5, "x\u00e9", null]}`, `[1,]`, `"\ud83d\ude00"`, `-0.0e+1`, `{"a"`, `"\u12`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		d := &jsonDecoder{doc: doc, strict: true}
		_, _ = d.decode()
	})
}

func FuzzUnescapeHTML(f *testing.F) {
	for _, seed := range []string{"&amp;&#x41;&#65", "&notit;&", "&#99999999999;&#xd800;", "&"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = unescapeHTML(s)
	})
}
