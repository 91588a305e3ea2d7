package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ParseFile reads the config file of `gowsgi serve`; see Parse.
func ParseFile(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse reads Apache-style directives, one per line, and returns a resolved,
// validated config. The line syntax (quotes, comments, continuation lines)
// is Apache's; see splitWords and readDirectives. filename names the source in messages and anchors
// relative paths (scripts, python path, alias directories); "" stands for
// "<input>" in the working directory.
//
// Every mistake in the file is reported, each as an *Error
// "FILE:LINE: what is wrong; what is expected", joined in line order.
func Parse(r io.Reader, filename string) (*Config, error) {
	if filename == "" {
		filename = "<input>"
	}
	lines, errs := readDirectives(r, filename)
	p := newParser(filename)
	for _, l := range lines {
		p.apply(l)
	}
	errs = append(errs, p.errs...)
	if !p.sawMount {
		errs = append(errs, &Error{File: filename, Line: 1,
			Msg: "nothing is mounted; expected at least one WSGIScriptAlias or WSGIScriptAliasMatch"})
	}
	c := &Config{
		Mounts:  p.mounts,
		Aliases: p.aliases,
		Listen:  p.listen,
		Globals: p.globals,
		Source:  filename,
	}
	// Cross-directive checks (duplicates, inheritance) are the same as for
	// a config filled in code; a mount that failed its own line is not in
	// c, so nothing is reported twice.
	errs = append(errs, c.problems(false)...)
	if err := joinErrors(errs); err != nil {
		return nil, err
	}
	return c, nil
}

// parser holds what the directives of one file have said so far.
type parser struct {
	file     string
	dir      string // relative paths resolve against it
	line     int    // line of the directive being applied
	globals  AppSettings
	globalAt map[string]int // single-valued global → line it was first given on
	mounts   []Mount
	aliases  []Alias
	listen   []string
	listenAt map[string]int
	sawMount bool // a mount directive was written, even a broken one
	errs     []error
}

func newParser(file string) *parser {
	return &parser{
		file:     file,
		dir:      filepath.Dir(file),
		globals:  DefaultSettings(),
		globalAt: map[string]int{},
		listenAt: map[string]int{},
	}
}

func (p *parser) pos() Position { return Position{File: p.file, Line: p.line} }

// apply runs one directive and records its errors at its line.
func (p *parser) apply(l directiveLine) {
	p.line = l.line
	name, args := l.words[0], l.words[1:]
	d, ok := directiveByName[strings.ToLower(name)]
	if !ok {
		p.fail(unknownDirective(name))
		return
	}
	p.sawMount = p.sawMount || d.mounts
	if err := d.checkArity(args); err != nil {
		p.fail(err)
		return
	}
	p.fail(d.apply(p, d.name, args))
}

// fail records each part of err as its own Error at the current line, so a
// directive with two mistakes shows two lines.
func (p *parser) fail(err error) {
	for _, e := range splitErrors(err) {
		p.errs = append(p.errs, errorAt(p.pos(), e.Error()))
	}
}

// abs resolves a path written in the file against the file's directory.
func (p *parser) abs(path string) (string, error) {
	if filepath.IsAbs(path) {
		return filepath.Clean(path), nil
	}
	abs, err := filepath.Abs(filepath.Join(p.dir, path))
	if err != nil {
		return "", fmt.Errorf("cannot resolve %q against %q: %w", path, p.dir, err)
	}
	return abs, nil
}

// nonEmpty rejects an empty argument ("") before it is resolved to the
// config's own directory.
func nonEmpty(what, arg string) error {
	if arg == "" {
		return errors.New(what + " is empty; expected a path")
	}
	return nil
}
