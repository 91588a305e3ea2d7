package gpython

import (
	"github.com/go-python/gpython/py"

	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
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
		env.SetString(v.Name, py.String(v.Value))
	}
	env.SetString("wsgi.version", py.Tuple{py.Int(1), py.Int(0)})
	env.SetString("wsgi.url_scheme", py.String(req.URLScheme))
	env.SetString("wsgi.multithread", py.NewBool(req.Multithread))
	env.SetString("wsgi.multiprocess", py.NewBool(req.Multiprocess))
	env.SetString("wsgi.run_once", py.NewBool(req.RunOnce))
	env.SetString("wsgi.input_terminated", py.NewBool(req.InputTerminated))
	env.SetString("wsgi.input", &inputStream{scope: s})
	env.SetString("wsgi.errors", &errorStream{scope: s})
	env.SetString("wsgi.file_wrapper", fileWrapperFactory)
	return env
}
