package config

import (
	"fmt"
)

// AddMount adds a mount filled in code, cleaning its URI ("/app/" becomes
// "/app"). A mount that cannot route or routes what another mount already
// does is refused. Settings are resolved later, by Validate.
func (c *Config) AddMount(m Mount) error {
	if err := m.normalize(); err != nil {
		return mountErrors(&m, err)
	}
	for i := range c.Mounts {
		if other := &c.Mounts[i]; other.key() == m.key() {
			return errorAt(m.Where, fmt.Sprintf("%s is already mounted at %s; expected each mounted once",
				m.label(), other.Where.relativeTo(m.Where.File)))
		}
	}
	c.Mounts = append(c.Mounts, m)
	return nil
}

// Validate checks a config filled in code the way Parse checks a file: at
// least one mount, no URI or pattern mounted twice, sound settings. It
// cleans URIs and listen addresses and resolves every mount's AppSettings
// from Globals (see Mount.Own), so it may be called again after a change.
// It does not look at the file system; Parse and ParseMountArg do.
func (c *Config) Validate() error {
	return joinErrors(c.problems(true))
}

// problems is Validate's work, shared with Parse (which reports a missing
// mount itself, at a line).
func (c *Config) problems(requireMount bool) []error {
	var errs []error
	src := Position{File: c.Source}
	for _, p := range c.Globals.problems(allFields) {
		errs = append(errs, errorAt(src, "global "+p))
	}
	if requireMount && len(c.Mounts) == 0 {
		errs = append(errs, errorAt(src, "nothing is mounted; expected at least one mount"))
	}
	mounted := map[string]Position{}
	for i := range c.Mounts {
		m := &c.Mounts[i]
		if err := m.normalize(); err != nil {
			errs = append(errs, splitErrors(mountErrors(m, err))...)
			continue
		}
		if first, dup := mounted[m.key()]; dup {
			errs = append(errs, errorAt(m.Where, fmt.Sprintf("%s is already mounted at %s; expected each mounted once",
				m.label(), first.relativeTo(m.Where.File))))
			continue
		}
		mounted[m.key()] = m.Where
		m.AppSettings = m.AppSettings.Inherit(c.Globals, m.Own)
		for _, p := range m.AppSettings.problems(m.Own) {
			errs = append(errs, errorAt(m.Where, m.label()+": "+p))
		}
	}
	errs = append(errs, c.aliasProblems(mounted)...)
	errs = append(errs, c.listenProblems(src)...)
	return errs
}

// aliasProblems checks static-file aliases against each other and against
// the application mounts, which would otherwise shadow them by accident.
func (c *Config) aliasProblems(mounted map[string]Position) []error {
	var errs []error
	aliased := map[string]Position{}
	for i := range c.Aliases {
		a := &c.Aliases[i]
		uri, err := cleanURI(a.URI)
		if err != nil {
			errs = append(errs, errorAt(a.Where, "Alias "+err.Error()))
			continue
		}
		a.URI = uri
		if a.Dir == "" {
			errs = append(errs, errorAt(a.Where, fmt.Sprintf("Alias %q has no directory; expected a directory of static files", uri)))
		}
		if first, dup := aliased[uri]; dup {
			errs = append(errs, errorAt(a.Where, fmt.Sprintf("Alias %q is already given at %s; expected each URI once",
				uri, first.relativeTo(a.Where.File))))
			continue
		}
		aliased[uri] = a.Where
		if app, clash := mounted["uri "+uri]; clash {
			errs = append(errs, errorAt(a.Where, fmt.Sprintf("Alias %q is also an application mount at %s; expected distinct URIs",
				uri, app.relativeTo(a.Where.File))))
		}
	}
	return errs
}

func (c *Config) listenProblems(src Position) []error {
	var errs []error
	seen := map[string]bool{}
	for i, l := range c.Listen {
		addr, err := parseListen(l)
		if err != nil {
			errs = append(errs, errorAt(src, takes("Listen", err).Error()))
			continue
		}
		if seen[addr] {
			errs = append(errs, errorAt(src, fmt.Sprintf("Listen %s is given twice; expected each address once", addr)))
		}
		seen[addr] = true
		c.Listen[i] = addr
	}
	return errs
}

// mountErrors places each mistake of a mount at the mount's position.
func mountErrors(m *Mount, err error) error {
	var errs []error
	for _, e := range splitErrors(err) {
		errs = append(errs, errorAt(m.Where, "mount "+e.Error()))
	}
	return joinErrors(errs)
}
