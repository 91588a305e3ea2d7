package engine

import (
	"maps"
	"slices"
)

// Var is one CGI or HTTP_* variable of a request's environ.
type Var struct {
	Name, Value string
}

// Environ is a request's CGI and HTTP_* variables in the order the gateway
// made them, which the app's dict keeps: the same order on every request.
// Names are unique.
type Environ []Var

// Lookup returns the value of name and whether it is set.
func (e Environ) Lookup(name string) (string, bool) {
	for _, v := range e {
		if v.Name == name {
			return v.Value, true
		}
	}
	return "", false
}

// Get is the value of name, "" when it is not set.
func (e Environ) Get(name string) string {
	value, _ := e.Lookup(name)
	return value
}

// EnvironOf makes an Environ of m's variables, ordered by name.
func EnvironOf(m map[string]string) Environ {
	env := make(Environ, 0, len(m))
	for _, name := range slices.Sorted(maps.Keys(m)) {
		env = append(env, Var{Name: name, Value: m[name]})
	}
	return env
}
