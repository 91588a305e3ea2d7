package pymod

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// Query strings for urllib.parse: parse_qsl, parse_qs and urlencode.

type qsOptions struct {
	keepBlank bool
	strict    bool
	maxFields int // -1: no limit
	separator string
	isBytes   bool
}

func qsArgs(fname string, args py.Tuple, kwargs py.StringDict) (string, qsOptions, error) {
	var qs py.Object
	var keepBlank, strict py.Object = py.False, py.False
	var encoding, errors, maxFields py.Object = py.None, py.None, py.None
	var separator py.Object = py.String("&")
	opts := qsOptions{maxFields: -1}
	if err := parseArgs(fname, args, kwargs, []string{"qs", "keep_blank_values", "strict_parsing", "encoding", "errors", "max_num_fields", "separator"}, 1,
		&qs, &keepBlank, &strict, &encoding, &errors, &maxFields, &separator); err != nil {
		return "", opts, err
	}
	var text string
	switch v := qs.(type) {
	case py.String:
		text = string(v)
	case py.Bytes:
		text, opts.isBytes = string(v), true
	case py.NoneType:
	default:
		return "", opts, py.ExceptionNewf(py.TypeError, "Cannot mix str and non-str arguments")
	}
	var err error
	if opts.keepBlank, err = truth(keepBlank); err != nil {
		return "", opts, err
	}
	if opts.strict, err = truth(strict); err != nil {
		return "", opts, err
	}
	if opts.maxFields, err = optInt(maxFields, -1, "max_num_fields"); err != nil {
		return "", opts, err
	}
	switch sep := separator.(type) {
	case py.String:
		opts.separator = string(sep)
	case py.Bytes:
		opts.separator = string(sep)
	}
	if opts.separator == "" {
		return "", opts, py.ExceptionNewf(py.ValueError, "Separator must be of type string or bytes.")
	}
	if encoding != py.None {
		enc, err := strArg(encoding, "encoding")
		if err != nil {
			return "", opts, err
		}
		if !isUTF8Name(enc) {
			return "", opts, py.ExceptionNewf(py.LookupError, "unknown encoding: %s (only utf-8 is available)", enc)
		}
	}
	return text, opts, nil
}

// parseQSL splits a query string into decoded (name, value) pairs.
func parseQSL(qs string, opts qsOptions) ([][2]string, error) {
	if opts.maxFields >= 0 && opts.maxFields < 1+strings.Count(qs, opts.separator) {
		return nil, py.ExceptionNewf(py.ValueError, "Max number of fields exceeded")
	}
	var pairs [][2]string
	for _, field := range strings.Split(qs, opts.separator) {
		if field == "" && !opts.strict {
			continue
		}
		name, value, hasEq := strings.Cut(field, "=")
		if !hasEq {
			if opts.strict {
				return nil, py.ExceptionNewf(py.ValueError, "bad query field: %s", quoteRepr(field))
			}
			if !opts.keepBlank {
				continue
			}
		}
		if value != "" || opts.keepBlank {
			pairs = append(pairs, [2]string{
				unquote(strings.ReplaceAll(name, "+", " ")),
				unquote(strings.ReplaceAll(value, "+", " ")),
			})
		}
	}
	return pairs, nil
}

// qsText gives a decoded part back as str, or as bytes for bytes input.
func qsText(s string, isBytes bool) py.Object {
	if isBytes {
		return py.Bytes(s)
	}
	return py.String(s)
}

func urlParseQSL(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	qs, opts, err := qsArgs("parse_qsl", args, kwargs)
	if err != nil {
		return nil, err
	}
	pairs, err := parseQSL(qs, opts)
	if err != nil {
		return nil, err
	}
	out := make([]py.Object, len(pairs))
	for i, p := range pairs {
		out[i] = py.Tuple{qsText(p[0], opts.isBytes), qsText(p[1], opts.isBytes)}
	}
	return newList(out), nil
}

// urlParseQS groups values by name, names in order of first appearance.
func urlParseQS(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	qs, opts, err := qsArgs("parse_qs", args, kwargs)
	if err != nil {
		return nil, err
	}
	pairs, err := parseQSL(qs, opts)
	if err != nil {
		return nil, err
	}
	var keys []py.Object
	lists := map[string]*py.List{}
	for _, p := range pairs {
		l, ok := lists[p[0]]
		if !ok {
			l = py.NewList()
			lists[p[0]] = l
			keys = append(keys, qsText(p[0], opts.isBytes))
		}
		l.Append(qsText(p[1], opts.isBytes))
	}
	values := make([]py.Object, len(keys))
	for i, k := range keys {
		var name string
		switch v := k.(type) {
		case py.String:
			name = string(v)
		case py.Bytes:
			name = string(v)
		}
		values[i] = lists[name]
	}
	if opts.isBytes {
		// gpython's dict takes only str keys; bytes keys need the
		// ordered mapping.
		d := newOdict(orderedDictType)
		for i := range keys {
			if err := d.set(keys[i], values[i]); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return makeDict(keys, values)
}

// urlencode: quote_via is called as CPython calls it; the default,
// quote_plus, runs in Go.
type encoder struct {
	safe     py.Object
	encoding py.Object
	errors   py.Object
	quoteVia py.Object // nil for quote_plus
}

func (e *encoder) quote(o py.Object) (string, error) {
	if e.quoteVia != nil {
		var res py.Object
		var err error
		if _, isBytes := o.(py.Bytes); isBytes {
			res, err = py.Call(e.quoteVia, py.Tuple{o, e.safe}, nil)
		} else {
			res, err = py.Call(e.quoteVia, py.Tuple{o, e.safe, e.encoding, e.errors}, nil)
		}
		if err != nil {
			return "", err
		}
		return strArg(res, "quote_via result")
	}
	safe, err := safeArg(e.safe)
	if err != nil {
		return "", err
	}
	b, err := quoteInput(o, e.encoding, nil)
	if err != nil {
		return "", err
	}
	return quotePlus(b, safe), nil
}

// text is str(o) for the values urlencode stringifies, with CPython's
// float formatting.
func text(o py.Object) (py.Object, error) {
	switch v := o.(type) {
	case py.String, py.Bytes:
		return o, nil
	case py.Float:
		return py.String(floatRepr(float64(v))), nil
	case py.Bool:
		if v {
			return py.String("True"), nil
		}
		return py.String("False"), nil
	case py.Int:
		return py.String(strconv.FormatInt(int64(v), 10)), nil
	case *py.BigInt:
		return py.String((*big.Int)(v).String()), nil
	}
	s, err := py.Str(o)
	return s, err
}

func urlEncode(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var query py.Object
	var doseq py.Object = py.False
	e := &encoder{safe: py.String(""), encoding: py.None, errors: py.None}
	var quoteVia py.Object = py.None
	if err := parseArgs("urlencode", args, kwargs, []string{"query", "doseq", "safe", "encoding", "errors", "quote_via"}, 1,
		&query, &doseq, &e.safe, &e.encoding, &e.errors, &quoteVia); err != nil {
		return nil, err
	}
	if m, ok := quoteVia.(*py.Method); quoteVia != py.None && !(ok && m.Name == "quote_plus" && m.Module != nil && m.Module.ModuleImpl.Info.Name == "urllib.parse") {
		e.quoteVia = quoteVia
	}
	seq, err := truth(doseq)
	if err != nil {
		return nil, err
	}
	keys, values, err := queryPairs(query)
	if err != nil {
		return nil, err
	}
	var parts []string
	for i, k := range keys {
		kt, err := text(k)
		if err != nil {
			return nil, err
		}
		ks, err := e.quote(kt)
		if err != nil {
			return nil, err
		}
		v := values[i]
		_, isStr := v.(py.String)
		_, isBytes := v.(py.Bytes)
		if seq && !isStr && !isBytes {
			if _, err := py.Len(v); err == nil {
				elems, err := items(v)
				if err != nil {
					return nil, err
				}
				for _, elt := range elems {
					et, err := text(elt)
					if err != nil {
						return nil, err
					}
					vs, err := e.quote(et)
					if err != nil {
						return nil, err
					}
					parts = append(parts, ks+"="+vs)
				}
				continue
			}
		}
		vt, err := text(v)
		if err != nil {
			return nil, err
		}
		vs, err := e.quote(vt)
		if err != nil {
			return nil, err
		}
		parts = append(parts, ks+"="+vs)
	}
	return py.String(strings.Join(parts, "&")), nil
}

// queryPairs reads urlencode's query: a mapping or a sequence of pairs.
func queryPairs(query py.Object) ([]py.Object, []py.Object, error) {
	if isMapping(query) {
		keys, values, _, err := mappingPairs(query)
		return keys, values, err
	}
	elems, err := items(query)
	if err != nil {
		return nil, nil, py.ExceptionNewf(py.TypeError, "not a valid non-string sequence or mapping object")
	}
	keys := make([]py.Object, len(elems))
	values := make([]py.Object, len(elems))
	for i, el := range elems {
		if _, ok := asTuple(el); !ok && i == 0 {
			return nil, nil, py.ExceptionNewf(py.TypeError, "not a valid non-string sequence or mapping object")
		}
		if keys[i], values[i], err = pair(el, "urlencode element"); err != nil {
			return nil, nil, err
		}
	}
	return keys, values, nil
}
