package config

import (
	"fmt"
	"slices"
	"strconv"
)

// Field names one AppSettings field. A Mount's Own is a set of them, so that
// a server-wide directive reaches every mount wherever it is written while a
// mount's own option still wins.
type Field uint8

// The AppSettings fields, one bit each.
const (
	FieldCallable Field = 1 << iota
	FieldEngine
	FieldThreads
	FieldRequestTimeout
	FieldPythonPath
	FieldScriptReloading
	FieldPassAuthorization
	FieldPythonHome
)

// Inherit returns s with every field not in own taken from g. It is
// idempotent, so a config can be resolved again after its globals change.
func (s AppSettings) Inherit(g AppSettings, own Field) AppSettings {
	out := s
	if own&FieldCallable == 0 {
		out.Callable = g.Callable
	}
	if own&FieldEngine == 0 {
		out.Engine = g.Engine
	}
	if own&FieldThreads == 0 {
		out.Threads = g.Threads
	}
	if own&FieldRequestTimeout == 0 {
		out.RequestTimeout = g.RequestTimeout
	}
	if own&FieldPythonPath == 0 {
		// A copy, so appending to one mount's path never leaks into another.
		out.PythonPath = slices.Clone(g.PythonPath)
	}
	if own&FieldScriptReloading == 0 {
		out.ScriptReloading = g.ScriptReloading
	}
	if own&FieldPassAuthorization == 0 {
		out.PassAuthorization = g.PassAuthorization
	}
	if own&FieldPythonHome == 0 {
		out.PythonHome = g.PythonHome
	}
	return out
}

// allFields is every AppSettings field.
const allFields = FieldCallable | FieldEngine | FieldThreads | FieldRequestTimeout |
	FieldPythonPath | FieldScriptReloading | FieldPassAuthorization | FieldPythonHome

// problems lists what makes the given fields of s unusable, one message
// each, phrased like the directive errors. A mount checks only the fields it
// owns, so a bad global is reported once, not once per mount.
func (s AppSettings) problems(fields Field) []string {
	var out []string
	if fields&FieldCallable != 0 {
		if _, err := ParseCallable(s.Callable); err != nil {
			out = append(out, takes("callable object", err).Error())
		}
	}
	if fields&FieldEngine != 0 && !slices.Contains(engines, s.Engine) {
		out = append(out, takes("engine", &ValueError{Want: engineWant(), Got: s.Engine}).Error())
	}
	if fields&FieldThreads != 0 && (s.Threads < 1 || s.Threads > MaxThreads) {
		out = append(out, takes("threads", &ValueError{Want: threadsWant, Got: strconv.Itoa(s.Threads)}).Error())
	}
	if fields&FieldRequestTimeout != 0 && s.RequestTimeout < 0 {
		out = append(out, takes("request timeout", &ValueError{Want: timeoutWant, Got: s.RequestTimeout.String()}).Error())
	}
	if fields&FieldPythonPath != 0 {
		for i, dir := range s.PythonPath {
			if dir == "" {
				out = append(out, fmt.Sprintf("python path entry %d is empty; expected a directory", i+1))
			}
		}
	}
	return out
}
