package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// json: dumps/loads (and dump/load through a file's write/read), the
// JSONEncoder and JSONDecoder classes for cls= and subclassing, and
// JSONDecodeError. Output matches CPython's byte for byte; objects come
// out in their mapping's order (sorted for gpython's orderless dict).

var jsonDecodeError, jsonEncoderType, jsonDecoderType *py.Type

func init() {
	jsonDecodeError = newJSONDecodeErrorType()
	jsonEncoderType = newPyClass("JSONEncoder", "Extensible JSON encoder for Python data structures.",
		method("__init__", jsonEncoderInit, "Set the encoder's options."),
		method("encode", jsonEncoderEncode, "Return a JSON string representation of a Python data structure."),
		method("iterencode", jsonEncoderIterencode, "Encode the given object and yield each string representation as available."),
		method("default", jsonEncoderDefault, "Return a serializable object for o, or raise TypeError."),
	)
	jsonDecoderType = newPyClass("JSONDecoder", "Simple JSON decoder.",
		method("__init__", jsonDecoderInit, "Set the decoder's options."),
		method("decode", jsonDecoderDecode, "Return the Python representation of a JSON document."),
		method("raw_decode", jsonDecoderRawDecode, "Decode a JSON document from s starting at idx; return (value, end)."),
	)
}

func jsonModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "json", Doc: "JSON (JavaScript Object Notation) encoder and decoder."},
		Methods: []*py.Method{
			method("dumps", jsonDumps, "dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False) -> str"),
			method("dump", jsonDump, "dump(obj, fp, **kw): write dumps(obj, **kw) to fp."),
			method("loads", jsonLoads, "loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None) -> object"),
			method("load", jsonLoad, "load(fp, **kw): loads(fp.read(), **kw)."),
		},
		Globals: py.StringDict{
			"JSONDecodeError": jsonDecodeError,
			"JSONEncoder":     jsonEncoderType,
			"JSONDecoder":     jsonDecoderType,
		},
	}
}

// jsonSubmodules are json.decoder and json.encoder, for `from
// json.decoder import JSONDecodeError`; like urllib.parse they also answer
// to their own name, since gpython binds `import json.decoder` to the
// submodule.
func jsonSubmodules() []*py.ModuleImpl {
	return []*py.ModuleImpl{
		{
			Info:    py.ModuleInfo{Name: "json.decoder", Doc: "Implementation of JSONDecoder"},
			Globals: py.StringDict{"JSONDecodeError": jsonDecodeError, "JSONDecoder": jsonDecoderType},
			CodeSrc: "decoder = __import__('json.decoder', globals(), locals(), ('JSONDecoder',), 0)\n",
		},
		{
			Info:    py.ModuleInfo{Name: "json.encoder", Doc: "Implementation of JSONEncoder"},
			Globals: py.StringDict{"JSONEncoder": jsonEncoderType},
			CodeSrc: "encoder = __import__('json.encoder', globals(), locals(), ('JSONEncoder',), 0)\n",
		},
	}
}

var encoderOptions = []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent", "separators", "default"}

var decoderOptions = []string{"object_hook", "parse_float", "parse_int", "parse_constant", "strict", "object_pairs_hook"}

// splitOptions separates the options a function knows from the rest.
func splitOptions(kwargs py.StringDict, known []string) (mine, rest py.StringDict) {
	mine, rest = py.StringDict{}, py.StringDict{}
	for k, v := range kwargs {
		rest[k] = v
	}
	for _, k := range known {
		if v, ok := rest[k]; ok {
			mine[k] = v
			delete(rest, k)
		}
	}
	return mine, rest
}

func unexpectedKeyword(fname string, rest py.StringDict) error {
	for k := range rest {
		return py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", fname, k)
	}
	return nil
}

func jsonDumps(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj py.Object
	if err := py.UnpackTuple(args, nil, "dumps", 1, 1, &obj); err != nil {
		return nil, err
	}
	return dumps(obj, kwargs)
}

func dumps(obj py.Object, kwargs py.StringDict) (py.Object, error) {
	cls := kwargs["cls"]
	opts, rest := splitOptions(kwargs, append(encoderOptions, "cls"))
	delete(opts, "cls")
	if cls != nil && cls != py.None {
		for k, v := range rest {
			opts[k] = v
		}
		enc, err := py.Call(cls, nil, opts)
		if err != nil {
			return nil, err
		}
		return callMethod(enc, "encode", obj)
	}
	if err := unexpectedKeyword("JSONEncoder.__init__", rest); err != nil {
		return nil, err
	}
	enc, err := newJSONEncoder(opts)
	if err != nil {
		return nil, err
	}
	s, err := enc.encode(obj)
	if err != nil {
		return nil, err
	}
	return py.String(s), nil
}

// newJSONEncoder reads the options dumps and JSONEncoder take.
func newJSONEncoder(opts py.StringDict) (*jsonEncoder, error) {
	e := &jsonEncoder{ensureASCII: true, checkCircular: true, allowNaN: true, itemSep: ", ", keySep: ": "}
	for name, dst := range map[string]*bool{
		"skipkeys": &e.skipKeys, "ensure_ascii": &e.ensureASCII, "check_circular": &e.checkCircular,
		"allow_nan": &e.allowNaN, "sort_keys": &e.sortKeys,
	} {
		if v, ok := opts[name]; ok {
			b, err := truth(v)
			if err != nil {
				return nil, err
			}
			*dst = b
		}
	}
	if v, ok := opts["indent"]; ok && v != py.None {
		var indent string
		switch iv := v.(type) {
		case py.String:
			indent = string(iv)
		default:
			n, err := goInt(v, "indent")
			if err != nil {
				return nil, err
			}
			indent = strings.Repeat(" ", max(n, 0))
		}
		e.indent = &indent
		e.itemSep = ","
	}
	if v, ok := opts["separators"]; ok && v != py.None {
		item, key, err := pair(v, "separators")
		if err != nil {
			return nil, err
		}
		if e.itemSep, err = strArg(item, "item separator"); err != nil {
			return nil, err
		}
		if e.keySep, err = strArg(key, "key separator"); err != nil {
			return nil, err
		}
	}
	if v, ok := opts["default"]; ok && v != py.None {
		e.defaultFn = v
	}
	return e, nil
}

func jsonDump(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var obj, fp py.Object
	if err := py.UnpackTuple(args, nil, "dump", 2, 2, &obj, &fp); err != nil {
		return nil, err
	}
	s, err := dumps(obj, kwargs)
	if err != nil {
		return nil, err
	}
	if _, err := callMethod(fp, "write", s); err != nil {
		return nil, err
	}
	return py.None, nil
}

func jsonLoads(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var s py.Object
	if err := py.UnpackTuple(args, nil, "loads", 1, 1, &s); err != nil {
		return nil, err
	}
	return loads(s, kwargs)
}

func loads(s py.Object, kwargs py.StringDict) (py.Object, error) {
	doc, err := jsonDocument(s)
	if err != nil {
		return nil, err
	}
	cls := kwargs["cls"]
	opts, rest := splitOptions(kwargs, append(decoderOptions, "cls"))
	delete(opts, "cls")
	if cls != nil && cls != py.None {
		for k, v := range rest {
			opts[k] = v
		}
		dec, err := py.Call(cls, nil, opts)
		if err != nil {
			return nil, err
		}
		return callMethod(dec, "decode", py.String(doc))
	}
	if err := unexpectedKeyword("JSONDecoder.__init__", rest); err != nil {
		return nil, err
	}
	d, err := newJSONDecoder(opts)
	if err != nil {
		return nil, err
	}
	d.doc = doc
	return d.decode()
}

// jsonDocument takes a str, or bytes in UTF-8 (a BOM is dropped).
func jsonDocument(s py.Object) (string, error) {
	switch v := s.(type) {
	case py.String:
		return string(v), nil
	case py.Bytes:
		b := strings.TrimPrefix(string(v), "\ufeff")
		if i := pyext.InvalidUTF8At(b); i >= 0 {
			return "", py.ExceptionNewf(py.UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i+len(v)-len(b))
		}
		return b, nil
	}
	return "", py.ExceptionNewf(py.TypeError, "the JSON object must be str, bytes or bytearray, not %s", s.Type().Name)
}

func newJSONDecoder(opts py.StringDict) (*jsonDecoder, error) {
	d := &jsonDecoder{strict: true}
	for name, dst := range map[string]*py.Object{
		"object_hook": &d.objectHook, "object_pairs_hook": &d.pairsHook, "parse_float": &d.parseFloat,
		"parse_int": &d.parseInt, "parse_constant": &d.parseConstant,
	} {
		if v, ok := opts[name]; ok && v != py.None {
			*dst = v
		}
	}
	if v, ok := opts["strict"]; ok {
		b, err := truth(v)
		if err != nil {
			return nil, err
		}
		d.strict = b
	}
	return d, nil
}

func jsonLoad(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var fp py.Object
	if err := py.UnpackTuple(args, nil, "load", 1, 1, &fp); err != nil {
		return nil, err
	}
	s, err := callMethod(fp, "read")
	if err != nil {
		return nil, err
	}
	return loads(s, kwargs)
}

// byteOffset converts a character index into a byte offset of s.
func byteOffset(s string, chars int) int {
	for i := range s {
		if chars == 0 {
			return i
		}
		chars--
	}
	return len(s)
}
