package gpython

import "github.com/go-python/gpython/py"

// wsgiKeys is the number of wsgi.* entries buildEnviron adds.
const wsgiKeys = 9

// buildEnviron makes the PEP 3333 environ dict for one request.
func buildEnviron(s *requestScope) py.StringDict {
	req := s.req
	env := py.NewStringDictSized(len(req.Environ) + wsgiKeys)
	for k, v := range req.Environ {
		env[k] = py.String(v)
	}
	env["wsgi.version"] = py.Tuple{py.Int(1), py.Int(0)}
	env["wsgi.url_scheme"] = py.String(req.URLScheme)
	env["wsgi.multithread"] = py.NewBool(req.Multithread)
	env["wsgi.multiprocess"] = py.NewBool(req.Multiprocess)
	env["wsgi.run_once"] = py.NewBool(req.RunOnce)
	env["wsgi.input_terminated"] = py.NewBool(req.InputTerminated)
	env["wsgi.input"] = &inputStream{scope: s}
	env["wsgi.errors"] = &errorStream{scope: s}
	env["wsgi.file_wrapper"] = fileWrapperFactory
	return env
}
