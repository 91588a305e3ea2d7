// Package config is the directive model every host shares: the standalone
// server parses it from an Apache-style file, the nginx and Apache modules
// fill it from their own directives. Everything downstream reads only the
// resolved Mounts.
package config

import (
	"fmt"
	"regexp"
	"time"
)

// Defaults for settings a config does not give.
const (
	DefaultCallable       = "application"
	DefaultEngine         = "gpython"
	DefaultThreads        = 4
	DefaultRequestTimeout = 60 * time.Second
	DefaultListen         = "127.0.0.1:8000"
)

// Position is where a directive was written, for FILE:LINE messages.
type Position struct {
	File string
	Line int
}

func (p Position) String() string {
	if p.File == "" {
		return "<command line>"
	}
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// AppSettings are how one app is run. Globals fill every field a mount does
// not set itself.
type AppSettings struct {
	Callable          string
	Engine            string
	Threads           int
	RequestTimeout    time.Duration // 0: no limit
	PythonPath        []string
	ScriptReloading   bool
	PassAuthorization bool
	// PythonHome is the CPython installation or virtualenv to run
	// (WSGIPythonHome). It is process-wide: one interpreter per process, so
	// only the globals set it and every mount inherits it.
	PythonHome string
}

// Mount maps URIs to one WSGI script.
type Mount struct {
	// URI is the prefix of a WSGIScriptAlias ("/" for the root mount); empty
	// for a WSGIScriptAliasMatch.
	URI string
	// Match is the regular expression of a WSGIScriptAliasMatch; Script may
	// then hold $1…$9 references to its groups ($0: the whole match).
	Match *regexp.Regexp
	// Script is the script path (absolute after parsing a file).
	Script string
	AppSettings
	// Own marks the AppSettings fields this mount sets itself (an option on
	// its directive); Validate fills every other field from Config.Globals.
	Own   Field
	Where Position
}

// Alias serves a directory of static files (standalone host only).
type Alias struct {
	URI   string
	Dir   string
	Where Position
}

// Config is a parsed, validated configuration.
type Config struct {
	Mounts  []Mount
	Aliases []Alias
	Listen  []string // empty: the host's default
	// Globals are the server-wide settings every mount inherits from.
	Globals AppSettings
	// Source is the file the config came from, if any.
	Source string
}

// New returns a config with default globals and nothing mounted, for hosts
// that fill it programmatically and then call Validate.
func New() *Config {
	return &Config{Globals: DefaultSettings()}
}

// DefaultSettings are the settings of a config that sets nothing.
func DefaultSettings() AppSettings {
	return AppSettings{
		Callable:        DefaultCallable,
		Engine:          DefaultEngine,
		Threads:         DefaultThreads,
		RequestTimeout:  DefaultRequestTimeout,
		ScriptReloading: true,
	}
}
