package gpython

import (
	"github.com/go-python/gpython/py"

	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
	"github.com/gowsgi/gowsgi/core/wsgi"
)

// wsgiKeys is the number of wsgi.* entries buildEnviron adds.
const wsgiKeys = 9

// buildEnviron makes the PEP 3333 environ for one request: the same dict
// type as the app's own dict literals, so it has every dict method and
// CPython's KeyError messages.
func buildEnviron(s *requestScope) *pydict.Dict {
	req := s.req
	env := pydict.NewSized(len(req.Environ) + wsgiKeys)
	for _, v := range req.Environ {
		_ = env.SetItem(environKey(v.Name), py.String(v.Value))
	}
	// A constant converted to py.Object needs no allocation.
	_ = env.SetItem(py.String(keyVersion), wsgiVersion)
	_ = env.SetItem(py.String(keyURLScheme), py.String(req.URLScheme))
	_ = env.SetItem(py.String(keyMultithread), py.NewBool(req.Multithread))
	_ = env.SetItem(py.String(keyMultiprocess), py.NewBool(req.Multiprocess))
	_ = env.SetItem(py.String(keyRunOnce), py.NewBool(req.RunOnce))
	_ = env.SetItem(py.String(keyInputTerminated), py.NewBool(req.InputTerminated))
	_ = env.SetItem(py.String(keyInput), &inputStream{scope: s})
	_ = env.SetItem(py.String(keyErrors), &errorStream{scope: s})
	_ = env.SetItem(py.String(keyFileWrapper), fileWrapperFactory)
	return env
}

// The wsgi.* keys every environ has.
const (
	keyVersion         = "wsgi.version"
	keyURLScheme       = "wsgi.url_scheme"
	keyMultithread     = "wsgi.multithread"
	keyMultiprocess    = "wsgi.multiprocess"
	keyRunOnce         = "wsgi.run_once"
	keyInputTerminated = "wsgi.input_terminated"
	keyInput           = "wsgi.input"
	keyErrors          = "wsgi.errors"
	keyFileWrapper     = "wsgi.file_wrapper"
)

// wsgiVersion is immutable, so every environ can share it.
var wsgiVersion py.Object = py.Tuple{py.Int(1), py.Int(0)}

// environKeys holds the environ's usual keys as Python strings, made once:
// making each key again for every request was a third of a small
// request's allocations. Read-only after init.
var environKeys = func() map[string]py.Object {
	names := append(wsgi.EnvironNames(), keyVersion, keyURLScheme, keyMultithread, keyMultiprocess,
		keyRunOnce, keyInputTerminated, keyInput, keyErrors, keyFileWrapper)
	keys := make(map[string]py.Object, len(names))
	for _, name := range names {
		keys[name] = py.String(name)
	}
	return keys
}()

// environKey is name as a Python string, made once for the usual keys.
func environKey(name string) py.Object {
	if key, ok := environKeys[name]; ok {
		return key
	}
	return py.String(name)
}
