package config

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxLineBytes bounds one physical line, so a binary file given by mistake
// fails fast instead of filling memory.
const maxLineBytes = 1 << 20

// directiveLine is one directive as written: the line it starts on and its
// words (name first), quotes and escapes already removed.
type directiveLine struct {
	line  int
	words []string
}

// readDirectives splits a config into directive lines the way Apache reads
// its own files: a backslash ending a line joins the next line to it (before
// comments are recognised, so a comment ending in a backslash swallows the
// next line, as in Apache), a line whose first non-blank character is '#'
// is a comment, blank lines are skipped. Lines that do not split into words
// come back as errors at their line; the rest are still returned.
func readDirectives(r io.Reader, file string) ([]directiveLine, []error) {
	var (
		out     []directiveLine
		errs    []error
		text    strings.Builder
		start   int  // line the pending directive starts on
		pending bool // text holds a continued line
		n       int  // physical line number
	)
	flush := func() {
		words, err := splitWords(text.String())
		if err != nil {
			errs = append(errs, &Error{File: file, Line: start, Msg: err.Error()})
		} else if len(words) > 0 {
			out = append(out, directiveLine{line: start, words: words})
		}
		text.Reset()
		pending = false
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLineBytes)
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if !pending {
			start = n
		}
		if continues(line) {
			text.WriteString(line[:len(line)-1])
			pending = true
			continue
		}
		text.WriteString(line)
		flush()
	}
	if pending {
		flush()
	}
	if err := sc.Err(); err != nil {
		msg := fmt.Sprintf("cannot read the file: %v", err)
		if errors.Is(err, bufio.ErrTooLong) {
			msg = fmt.Sprintf("line is longer than %d bytes; expected a text config file", maxLineBytes)
		}
		errs = append(errs, &Error{File: file, Line: n + 1, Msg: msg})
	}
	return out, errs
}

// continues reports a line ending in a single backslash; "\\" at the end is
// an escaped backslash, as in Apache.
func continues(line string) bool {
	return strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`)
}

// splitWords splits one directive line into words. A word that starts with
// a double or single quote runs to the matching quote and may hold blanks;
// inside it \" (or \') and \\ are escapes, any other backslash is kept, so
// regular expressions like "^/(\w+)" survive. In a bare word \\ stands for
// one backslash. A comment line gives no words.
func splitWords(s string) ([]string, error) {
	var words []string
	for {
		s = strings.TrimLeftFunc(s, isBlank)
		if s == "" || (len(words) == 0 && s[0] == '#') {
			return words, nil
		}
		var word string
		if s[0] == '"' || s[0] == '\'' {
			var err error
			if word, s, err = quotedWord(s); err != nil {
				return nil, err
			}
		} else {
			end := strings.IndexFunc(s, isBlank)
			if end < 0 {
				end = len(s)
			}
			word, s = strings.ReplaceAll(s[:end], `\\`, `\`), s[end:]
		}
		words = append(words, word)
	}
}

// quotedWord reads the quoted word s starts with and returns it and the rest.
func quotedWord(s string) (word, rest string, err error) {
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == quote || s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case c == quote:
			rest = s[i+1:]
			if rest != "" && !isBlank(rune(rest[0])) {
				_, size := utf8.DecodeRuneInString(rest)
				return "", "", fmt.Errorf("unexpected %q right after quoted argument %q; expected a blank between arguments", rest[:size], b.String())
			}
			return b.String(), rest, nil
		default:
			b.WriteByte(c)
		}
	}
	name := "double quote"
	if quote == '\'' {
		name = "single quote"
	}
	return "", "", fmt.Errorf("quoted argument %q has no closing %s; expected one before the end of the directive", s[1:], name)
}

// isBlank is Apache's notion of whitespace between arguments.
func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\v' || r == '\f' || r == '\r'
}
