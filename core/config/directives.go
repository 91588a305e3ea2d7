package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// directive is one known directive: its canonical name, its argument shape
// for usage messages, and what it does to the parser.
type directive struct {
	name     string
	usage    string
	min, max int // argument count
	apply    func(p *parser, name string, args []string) error
	// mounts marks the mount directives: written at all, even wrongly,
	// they rule out the "nothing is mounted" error.
	mounts bool
}

var directiveList = []directive{
	{name: "WSGIScriptAlias", usage: "URI SCRIPT [OPTION=VALUE...]",
		min: 2, max: 2 + mountOptions, apply: (*parser).scriptAlias, mounts: true},
	{name: "WSGIScriptAliasMatch", usage: "REGEX SCRIPT [OPTION=VALUE...]",
		min: 2, max: 2 + mountOptions, apply: (*parser).scriptAliasMatch, mounts: true},
	{name: "WSGICallableObject", usage: "NAME", min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.Callable, err = ParseCallable(v)
			return err
		})},
	{name: "WSGIPythonPath", usage: "DIR[:DIR...]", min: 1, max: 1, apply: (*parser).pythonPath},
	{name: "WSGIPythonHome", usage: "DIR", min: 1, max: 1, apply: (*parser).pythonHome},
	{name: "WSGIScriptReloading", usage: "On|Off", min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.ScriptReloading, err = ParseOnOff(v)
			return err
		})},
	{name: "WSGIPassAuthorization", usage: "On|Off", min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.PassAuthorization, err = ParseOnOff(v)
			return err
		})},
	{name: "WSGIEngine", usage: strings.Join(engines, "|"), min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.Engine, err = ParseEngine(v)
			return err
		})},
	{name: "WSGIThreads", usage: "N", min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.Threads, err = ParseThreads(v)
			return err
		})},
	{name: "WSGIRequestTimeout", usage: "SECONDS|Off", min: 1, max: 1,
		apply: global(func(g *AppSettings, v string) (err error) {
			g.RequestTimeout, err = ParseTimeout(v)
			return err
		})},
	{name: "Listen", usage: "[HOST:]PORT", min: 1, max: 1, apply: (*parser).listenDirective},
	{name: "Alias", usage: "URI DIR", min: 2, max: 2, apply: (*parser).alias},
}

var directiveByName = func() map[string]*directive {
	m := make(map[string]*directive, len(directiveList))
	for i := range directiveList {
		m[strings.ToLower(directiveList[i].name)] = &directiveList[i]
	}
	return m
}()

// modWSGIOnly are mod_wsgi directives a migrated config may still hold;
// they get a clearer message than "unknown".
var modWSGIOnly = []string{
	"WSGIDaemonProcess", "WSGIProcessGroup", "WSGIApplicationGroup",
	"WSGIImportScript", "WSGISocketPrefix",
	"WSGIRestrictEmbedded", "WSGILazyInitialization",
}

func unknownDirective(name string) error {
	names := make([]string, len(directiveList))
	for i, d := range directiveList {
		names[i] = d.name
	}
	expected := "expected one of " + strings.Join(names, ", ")
	switch {
	case strings.HasPrefix(name, "<"):
		return fmt.Errorf("sections such as %q are not supported; expected plain directives, one of %s", name, strings.Join(names, ", "))
	case slices.ContainsFunc(modWSGIOnly, func(n string) bool { return strings.EqualFold(n, name) }):
		return fmt.Errorf("mod_wsgi directive %q is not supported by gowsgi serve; %s", name, expected)
	}
	return fmt.Errorf("unknown directive %q; %s", name, expected)
}

func (d *directive) checkArity(args []string) error {
	n := len(args)
	if n >= d.min && n <= d.max {
		return nil
	}
	want := fmt.Sprintf("%d to %d arguments", d.min, d.max)
	if d.min == d.max {
		want = fmt.Sprintf("%d argument", d.min)
		if d.min != 1 {
			want += "s"
		}
	}
	hint := ""
	if slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(a, "#") }) {
		hint = " (a # comment must be on a line of its own)"
	}
	return fmt.Errorf("%s takes %s, got %d%s; usage: %s %s", d.name, want, n, hint, d.name, d.usage)
}

// global makes the handler of a single-valued server-wide directive. It is
// not positional: it applies to every mount, before or after it in the
// file, so giving it twice is a mistake rather than an override.
func global(set func(g *AppSettings, value string) error) func(*parser, string, []string) error {
	return func(p *parser, name string, args []string) error {
		if first, ok := p.globalAt[name]; ok {
			return fmt.Errorf("%s is already given at line %d; expected it once, it applies to every mount", name, first)
		}
		p.globalAt[name] = p.line
		g := p.globals
		if err := set(&g, args[0]); err != nil {
			return takes(name, err)
		}
		p.globals = g
		return nil
	}
}

// pythonPath appends directories; it may be given several times.
func (p *parser) pythonPath(name string, args []string) error {
	dirs, err := p.pathList(name, args[0])
	p.globals.PythonPath = append(p.globals.PythonPath, dirs...)
	return err
}

// pathList splits DIR[:DIR...] and makes each entry absolute.
func (p *parser) pathList(name, list string) ([]string, error) {
	if list == "" {
		return nil, fmt.Errorf("%s is empty; expected directories separated by %q", name, filepath.ListSeparator)
	}
	var dirs []string
	var errs []error
	for _, dir := range filepath.SplitList(list) {
		if dir == "" {
			errs = append(errs, fmt.Errorf("%s %q has an empty entry; expected directories separated by %q", name, list, filepath.ListSeparator))
			continue
		}
		abs, err := p.abs(dir)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		dirs = append(dirs, abs)
	}
	return dirs, errors.Join(errs...)
}

// pythonHome sets the interpreter home for the whole process.
func (p *parser) pythonHome(name string, args []string) error {
	if first, ok := p.globalAt[name]; ok {
		return fmt.Errorf("%s is already given at line %d; expected it once, the interpreter is one per process", name, first)
	}
	p.globalAt[name] = p.line
	dir, err := p.homeDir(name, args[0])
	if err != nil {
		return err
	}
	p.globals.PythonHome = dir
	return nil
}

// homeDir resolves an interpreter home named by what (a directive or an
// option) and checks that it is a directory.
func (p *parser) homeDir(what, value string) (string, error) {
	dir, err := p.abs(value)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s %q is not a directory; expected a Python installation prefix or a virtualenv", what, value)
	}
	return dir, nil
}

func (p *parser) listenDirective(name string, args []string) error {
	addr, err := parseListen(args[0])
	if err != nil {
		return takes(name, err)
	}
	if first, ok := p.listenAt[addr]; ok {
		return fmt.Errorf("%s %s is already given at line %d; expected each address once", name, addr, first)
	}
	p.listenAt[addr] = p.line
	p.listen = append(p.listen, addr)
	return nil
}

// alias maps a URI to a directory of static files.
func (p *parser) alias(name string, args []string) error {
	var errs []error
	uri, err := cleanURI(args[0])
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, err))
	}
	var dir string
	err = nonEmpty("directory", args[1])
	if err == nil {
		dir, err = p.abs(args[1])
	}
	if err == nil {
		err = checkDir(dir)
	}
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, err))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	p.aliases = append(p.aliases, Alias{URI: uri, Dir: dir, Where: p.pos()})
	return nil
}
