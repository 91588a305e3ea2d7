//go:build cgo && cpython

package cpython

import "time"

// settings are the engine's fixed limits. They are not user directives;
// tests shorten them to keep timing-based cases fast.
type settings struct {
	// grace is how long interrupted Python gets to unwind before its
	// request is answered anyway and its thread abandoned.
	grace time.Duration
	// resends is how many times the interruption is raised again during
	// the grace period, for code that swallows the first one.
	resends int
	// loadLimit bounds running the script, so a script stuck at import
	// cannot wedge Load.
	loadLimit time.Duration
	// closeGrace is the time close() gets when the request itself was
	// already interrupted, so cleanup code still has a chance to run.
	closeGrace time.Duration
}

func defaultSettings() settings {
	return settings{
		grace:      250 * time.Millisecond,
		resends:    4,
		loadLimit:  time.Minute,
		closeGrace: time.Second,
	}
}
