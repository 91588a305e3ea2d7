//go:build !nopeers

package rewrite

import (
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pymod"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

// The engine installs the builtins and modules of pyext and pymod before
// the rewriter, and has json build ordered dicts. Build the tests with
// -tags nopeers to test this package alone; tests that need format()
// then skip.
func init() {
	installPeers = func() {
		pyext.Install()
		pymod.Install()
		pymod.SetDictMaker(pydict.FromPairs)
	}
}
