// Package pymod adds standard library modules that gpython v0.2.0 lacks
// and WSGI applications import: json, urllib.parse, html, base64, hashlib,
// hmac, io, re, collections and functools. They are written in Go against
// gpython's public API and registered with py.RegisterModule, so every
// context made afterwards can import them. Each module follows CPython
// 3.11's behaviour and messages where gpython lets it; the package's
// conformance test runs the tests/conformance scripts of these areas.
// It also replaces gpython's tempfile.mkstemp, whose descriptors a garbage
// collection could close under another file.
package pymod

import (
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/stdlib/binascii"
)

var installOnce sync.Once

// Install registers the modules with gpython. It is idempotent and must run
// before the contexts that should see the modules are made; the engine
// calls it from its init. Modules are process-wide, like gpython's own;
// each context gets its own module objects.
func Install() {
	installOnce.Do(func() {
		// base64 raises binascii.Error, which gpython never readied.
		mustReady(binascii.Error)
		mustReady(binascii.Incomplete)
		modules := append([]*py.ModuleImpl{
			jsonModule(),
			urllibModule(),
			urllibParseModule(),
			htmlModule(),
			base64Module(),
			hashlibModule(),
			hmacModule(),
			ioModule(),
			reModule(),
			collectionsModule(),
			functoolsModule(),
		}, jsonSubmodules()...)
		for _, impl := range modules {
			py.RegisterModule(impl)
		}
		replaceMkstemp()
	})
}
