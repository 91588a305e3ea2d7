package config

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

const optionsWant = "expected callable-object=NAME, pass-authorization=On|Off, engine=NAME, " +
	"threads=N, request-timeout=SECONDS, python-path=DIR[:DIR...], python-home=DIR or script-reloading=On|Off"

// mountOptions is how many options a mount line can carry, each once.
const mountOptions = 8

// scriptAlias is WSGIScriptAlias URI SCRIPT [options].
func (p *parser) scriptAlias(name string, args []string) error {
	m := Mount{Where: p.pos()}
	var errs []error
	uri, err := cleanURI(args[0])
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, err))
	}
	m.URI = uri
	script, err := p.scriptPath(args[1], true)
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, err))
	}
	m.Script = script
	errs = append(errs, p.applyMountOptions(name, args[2:], &m))
	return p.addMount(m, errs)
}

// scriptAliasMatch is WSGIScriptAliasMatch REGEX SCRIPT [options]; SCRIPT
// may refer to the groups of REGEX as $1…$9.
func (p *parser) scriptAliasMatch(name string, args []string) error {
	m := Mount{Where: p.pos()}
	var errs []error
	re, err := regexp.Compile(args[0])
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, describeRegexError(args[0], err)))
	}
	m.Match = re
	// A template with $N names many scripts, none of which can be checked
	// before a request arrives.
	hasRefs := highestRef(args[1]) >= 0
	script, err := p.scriptPath(args[1], !hasRefs)
	if err == nil && hasRefs && re != nil {
		err = checkRefs(script, re)
	}
	if err != nil {
		errs = append(errs, fmt.Errorf("%s %w", name, err))
	}
	m.Script = script
	errs = append(errs, p.applyMountOptions(name, args[2:], &m))
	return p.addMount(m, errs)
}

// addMount keeps a mount whose line had no mistake.
func (p *parser) addMount(m Mount, errs []error) error {
	if err := errors.Join(errs...); err != nil {
		return err
	}
	p.mounts = append(p.mounts, m)
	return nil
}

// scriptPath makes a script path absolute and, if check, makes sure the
// script is there.
func (p *parser) scriptPath(arg string, check bool) (string, error) {
	if err := nonEmpty("script", arg); err != nil {
		return "", err
	}
	script, err := p.abs(arg)
	if err != nil {
		return "", err
	}
	if check {
		if err := checkScript(script); err != nil {
			return "", err
		}
	}
	return script, nil
}

// applyMountOptions reads the key=value options after a mount's script;
// they override the globals for that mount only. Keys ignore letter case.
// Every setting has an option, so a host with per-location settings (nginx)
// can describe each mount in one line.
func (p *parser) applyMountOptions(name string, opts []string, m *Mount) error {
	var errs []error
	seen := map[string]bool{}
	for _, opt := range opts {
		key, value, ok := strings.Cut(opt, "=")
		if !ok {
			errs = append(errs, fmt.Errorf("%s: unexpected argument %q; %s", name, opt, optionsWant))
			continue
		}
		key = strings.ToLower(key)
		if seen[key] {
			errs = append(errs, fmt.Errorf("%s option %s= is given twice; expected it once", name, key))
			continue
		}
		seen[key] = true
		var err error
		switch key {
		case "callable-object":
			m.Callable, err = ParseCallable(value)
			m.Own |= FieldCallable
		case "pass-authorization":
			m.PassAuthorization, err = ParseOnOff(value)
			m.Own |= FieldPassAuthorization
		case "engine":
			m.Engine, err = ParseEngine(value)
			m.Own |= FieldEngine
		case "threads":
			m.Threads, err = ParseThreads(value)
			m.Own |= FieldThreads
		case "request-timeout":
			m.RequestTimeout, err = ParseTimeout(value)
			m.Own |= FieldRequestTimeout
		case "script-reloading":
			m.ScriptReloading, err = ParseOnOff(value)
			m.Own |= FieldScriptReloading
		case "python-path":
			var dirs []string
			dirs, err = p.pathList(name+" python-path=", value)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			m.PythonPath = dirs
			m.Own |= FieldPythonPath
		case "python-home":
			var dir string
			dir, err = p.homeDir(name+" python-home=", value)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			m.PythonHome = dir
			m.Own |= FieldPythonHome
		default:
			errs = append(errs, fmt.Errorf("%s option %q is not supported; %s", name, key, optionsWant))
			continue
		}
		if err != nil {
			errs = append(errs, takes(name+" "+key+"=", err))
		}
	}
	return errors.Join(errs...)
}

// describeRegexError explains a pattern that does not compile, pointing at
// the offending part when it occurs exactly once in the pattern.
func describeRegexError(expr string, err error) error {
	const want = "expected a Go (RE2) regular expression"
	var se *syntax.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("pattern %q does not compile: %v; %s", expr, err, want)
	}
	where := ""
	if se.Expr != "" && se.Expr != expr && strings.Count(expr, se.Expr) == 1 {
		at := utf8.RuneCountInString(expr[:strings.Index(expr, se.Expr)]) + 1
		where = fmt.Sprintf(" at character %d", at)
	}
	return fmt.Errorf("pattern %q does not compile%s: %s %q; %s", expr, where, se.Code, se.Expr, want)
}
