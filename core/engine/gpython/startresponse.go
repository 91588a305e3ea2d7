package gpython

import (
	"errors"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine"
)

// newStartResponse makes the request's start_response callable.
func newStartResponse(s *requestScope) *py.Method {
	write := py.MustNewMethod("write", func(_, data py.Object) (py.Object, error) {
		if err := s.write(data); err != nil {
			return nil, err
		}
		return py.None, nil
	}, 0, "write(data): send bytes ahead of the response iterable (legacy).")

	return py.MustNewMethod("start_response", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := s.startResponse(args, kwargs); err != nil {
			return nil, err
		}
		return write, nil
	}, 0, "start_response(status, response_headers, exc_info=None) -> write")
}

func (s *requestScope) startResponse(args py.Tuple, kwargs py.StringDict) error {
	var statusObj, headersObj py.Object
	var excInfo py.Object = py.None
	err := py.ParseTupleAndKeywords(args, kwargs, "OO|O:start_response",
		[]string{"status", "response_headers", "exc_info"}, &statusObj, &headersObj, &excInfo)
	if err != nil {
		return err
	}
	status, ok := statusObj.(py.String)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "start_response() status must be str, not %s", statusObj.Type().Name)
	}
	headers, err := parseHeaders(headersObj)
	if err != nil {
		return err
	}
	var excTuple py.Tuple
	if excInfo != py.None {
		if excTuple, ok = excInfo.(py.Tuple); !ok || len(excTuple) != 3 {
			return py.ExceptionNewf(py.TypeError, "start_response() exc_info must be a (type, value, traceback) tuple or None")
		}
	}
	if err := s.usable("start_response"); err != nil {
		return err
	}
	err = s.req.StartResponse(string(status), headers, excTuple != nil)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, engine.ErrReraise):
		return reraise(excTuple)
	default:
		return py.ExceptionNewf(py.ValueError, "start_response(): %v", err)
	}
}

// parseHeaders checks response_headers is a list of (str, str) tuples.
func parseHeaders(obj py.Object) ([]engine.Header, error) {
	list, ok := obj.(*py.List)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "start_response() response_headers must be a list, not %s", obj.Type().Name)
	}
	headers := make([]engine.Header, 0, len(list.Items))
	for i, item := range list.Items {
		pair, ok := item.(py.Tuple)
		if !ok || len(pair) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "start_response() response_headers[%d] must be a (name, value) tuple, not %s", i, item.Type().Name)
		}
		name, nameOK := pair[0].(py.String)
		value, valueOK := pair[1].(py.String)
		if !nameOK || !valueOK {
			return nil, py.ExceptionNewf(py.TypeError, "start_response() response_headers[%d] must hold str, not (%s, %s)", i, pair[0].Type().Name, pair[1].Type().Name)
		}
		headers = append(headers, engine.Header{Name: string(name), Value: string(value)})
	}
	return headers, nil
}

// reraise raises exc_info's exception in the app, as PEP 3333 requires
// once headers were sent.
func reraise(excInfo py.Tuple) error {
	if exc, ok := excInfo[1].(*py.Exception); ok {
		return exc
	}
	if py.ExceptionClassCheck(excInfo[0]) {
		return py.MakeException(excInfo[0])
	}
	return py.ExceptionNewf(py.TypeError, "start_response() exc_info does not hold an exception")
}

func (s *requestScope) write(data py.Object) error {
	body, ok := data.(py.Bytes)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "write() argument must be bytes, not %s", data.Type().Name)
	}
	if err := s.usable("write"); err != nil {
		return err
	}
	// A copy, because gpython may later append into a bytes object's
	// spare capacity, which the gateway must not see change.
	if err := s.req.Write(append([]byte(nil), body...)); err != nil {
		return ioError("write", err)
	}
	return nil
}
