package gpython

import "time"

// settings are the engine's fixed limits. They are not user directives;
// tests shorten them to keep timing-based cases fast.
type settings struct {
	// recursionLimit is the number of nested Python frames a context may
	// have, like CPython's sys.getrecursionlimit().
	recursionLimit int
	// grace is how long an interrupted context gets to notice the
	// interruption at its next call before it is abandoned.
	grace time.Duration
	// loadLimit bounds running the script when a context is made outside
	// any request, so a script stuck at import cannot wedge Load.
	loadLimit time.Duration
	// closeGrace is the time close() gets when the request itself was
	// already interrupted, so cleanup code still has a chance to run.
	closeGrace time.Duration
}

// defaultRecursionLimit matches CPython. One Python frame costs 4 to
// 8 KiB of Go stack in gpython's VM, so a runaway recursion stops near
// 8 MiB, far below Go's 1 GiB stack maximum; TestGoStackBudget holds the
// engine to 16 KiB per frame.
const defaultRecursionLimit = 1000

func defaultSettings() settings {
	return settings{
		recursionLimit: defaultRecursionLimit,
		grace:          250 * time.Millisecond,
		loadLimit:      time.Minute,
		closeGrace:     time.Second,
	}
}
