package config

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
)

// Error is one mistake in a config, at the line of the directive that holds
// it. Parse joins every Error of a file, one per line of the message; use
// errors.As to get at the first, or Unwrap() []error for all of them.
type Error struct {
	File string
	Line int // 0 when the mistake is not on one line
	Msg  string
}

func (e *Error) Error() string {
	return Position{File: e.File, Line: e.Line}.String() + ": " + e.Msg
}

// errorAt is an Error at the position of a directive.
func errorAt(where Position, msg string) *Error {
	return &Error{File: where.File, Line: where.Line, Msg: msg}
}

// joinErrors orders errors by file and line, so the user reads them in the
// order they wrote the directives, and joins them. One error stays itself.
func joinErrors(errs []error) error {
	slices.SortStableFunc(errs, func(a, b error) int {
		var ea, eb *Error
		if !errors.As(a, &ea) || !errors.As(b, &eb) {
			return 0
		}
		return cmp.Or(cmp.Compare(ea.File, eb.File), cmp.Compare(ea.Line, eb.Line))
	})
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// splitErrors flattens an errors.Join into its parts.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if many, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range many.Unwrap() {
			out = append(out, splitErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// relativeTo says where p is as seen from a message about file: "line 3"
// within the same file, the full position otherwise.
func (p Position) relativeTo(file string) string {
	if p.File == file && p.File != "" && p.Line > 0 {
		return "line " + strconv.Itoa(p.Line)
	}
	return p.String()
}
