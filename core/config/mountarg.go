package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

const mountArgWant = "expected [MOUNT=]SCRIPT[:CALLABLE], such as /hello=examples/hello.py:app"

// ParseMountArg reads a command-line mount, [MOUNT=]SCRIPT[:CALLABLE]:
// MOUNT defaults to "/", CALLABLE to g's. The first '=' ends MOUNT and the
// last ':' starts CALLABLE, so a script path holding '=' needs an explicit
// MOUNT ("/=a=b.py"). The script is made absolute against the working
// directory and must exist. The mount starts from g; Config.Validate
// re-resolves every setting but the callable from the config's globals.
func ParseMountArg(arg string, g AppSettings) (Mount, error) {
	fail := func(err error) (Mount, error) {
		return Mount{}, fmt.Errorf("mount argument %q: %w", arg, err)
	}
	uri, rest := "/", arg
	if before, after, ok := strings.Cut(arg, "="); ok {
		uri, rest = before, after
	}
	uri, err := cleanURI(uri)
	if err != nil {
		return fail(err)
	}
	script, callable := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		script, callable = rest[:i], rest[i+1:]
		if _, err := ParseCallable(callable); err != nil {
			return fail(takes("callable", err))
		}
	}
	if script == "" {
		return fail(errors.New("no script; " + mountArgWant))
	}
	abs, err := filepath.Abs(script)
	if err != nil {
		return fail(fmt.Errorf("resolve script %q: %w", script, err))
	}
	if err := checkScript(abs); err != nil {
		return fail(err)
	}
	m := Mount{URI: uri, Script: abs, AppSettings: g}
	m.PythonPath = slices.Clone(g.PythonPath)
	if callable != "" {
		m.Callable = callable
		m.Own |= FieldCallable
	}
	return m, nil
}
