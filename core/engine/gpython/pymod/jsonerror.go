package pymod

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

// JSONDecodeError is a ValueError whose message carries the line, column
// and character position, with those also as attributes.

func newJSONDecodeErrorType() *py.Type {
	t := py.ValueError.NewType("JSONDecodeError",
		"Subclass of ValueError with the following additional properties:\n\nmsg: The unformatted error message\ndoc: The JSON document being parsed\npos: The start index of doc where parsing failed\nlineno: The line corresponding to pos\ncolno: The column corresponding to pos",
		jsonDecodeErrorNew, nil)
	mustReady(t)
	addExceptionFields(t, "msg", "doc", "pos", "lineno", "colno")
	return t
}

// addExceptionFields exposes values kept in an exception's dict as
// attributes (gpython gives exceptions no attributes but args). They are
// stored under a prefix: gpython formats an exception with a "lineno"
// entry as a SyntaxError.
func addExceptionFields(t *py.Type, names ...string) {
	for _, name := range names {
		addGetter(t, name, func(self py.Object) (py.Object, error) {
			if e, ok := self.(*py.Exception); ok {
				if v, ok := e.Dict[fieldKey(name)]; ok {
					return v, nil
				}
			}
			return py.None, nil
		})
	}
}

func fieldKey(name string) string { return "field." + name }

// exceptionFields builds the dict addExceptionFields reads.
func exceptionFields(fields map[string]py.Object) py.StringDict {
	d := py.StringDict{}
	for k, v := range fields {
		d[fieldKey(k)] = v
	}
	return d
}

// jsonDecodeErrorNew lets Python code raise JSONDecodeError(msg, doc, pos).
func jsonDecodeErrorNew(metatype *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var msg, doc, pos py.Object
	if err := parseArgs("JSONDecodeError", args, kwargs, []string{"msg", "doc", "pos"}, 3, &msg, &doc, &pos); err != nil {
		return nil, err
	}
	m, err := strArg(msg, "msg")
	if err != nil {
		return nil, err
	}
	d, err := strArg(doc, "doc")
	if err != nil {
		return nil, err
	}
	p, err := goInt(pos, "pos")
	if err != nil {
		return nil, err
	}
	e := newJSONDecodeError(m, d, p)
	e.Base = metatype
	return e, nil
}

// newJSONDecodeError describes a failure at character position pos of doc.
func newJSONDecodeError(msg, doc string, pos int) *py.Exception {
	before := []rune(doc)
	if pos < len(before) {
		before = before[:max(pos, 0)]
	}
	prefix := string(before)
	lineno := strings.Count(prefix, "\n") + 1
	colno := pos + 1
	if nl := strings.LastIndexByte(prefix, '\n'); nl >= 0 {
		colno = len([]rune(prefix[nl+1:])) + 1
	}
	text := fmt.Sprintf("%s: line %d column %d (char %d)", msg, lineno, colno, pos)
	return &py.Exception{
		Base: jsonDecodeError,
		Args: py.Tuple{py.String(text)},
		Dict: exceptionFields(map[string]py.Object{
			"msg": py.String(msg), "doc": py.String(doc), "pos": py.Int(pos),
			"lineno": py.Int(lineno), "colno": py.Int(colno),
		}),
	}
}
