package pymod

import (
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// json.JSONEncoder and json.JSONDecoder, for cls= and for subclassing.

// JSONEncoder keeps its options as the instance attributes CPython's has.

func jsonEncoderInit(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	inst, args, err := selfAndArgs(jsonEncoderType, self, args, "__init__")
	if err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__init__() takes 1 positional argument but %d were given", len(args)+1)
	}
	opts, rest := splitOptions(kwargs, encoderOptions)
	if err := unexpectedKeyword("JSONEncoder.__init__", rest); err != nil {
		return nil, err
	}
	e, err := newJSONEncoder(opts)
	if err != nil {
		return nil, err
	}
	d := inst.Dict
	d["skipkeys"], d["ensure_ascii"], d["check_circular"] = py.NewBool(e.skipKeys), py.NewBool(e.ensureASCII), py.NewBool(e.checkCircular)
	d["allow_nan"], d["sort_keys"] = py.NewBool(e.allowNaN), py.NewBool(e.sortKeys)
	d["indent"] = py.None
	if v, ok := opts["indent"]; ok {
		d["indent"] = v
	}
	d["item_separator"], d["key_separator"] = py.String(e.itemSep), py.String(e.keySep)
	if e.defaultFn != nil {
		d["default"] = e.defaultFn
	}
	return py.None, nil
}

// encoderOf rebuilds the encoder from the instance, whose attributes a
// subclass may have changed; default is the instance's (possibly
// overridden) method.
func encoderOf(inst *py.Type) (*jsonEncoder, error) {
	opts := py.StringDict{}
	for _, name := range []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent"} {
		if v := attr(inst, name, nil); v != nil {
			opts[name] = v
		}
	}
	e, err := newJSONEncoder(opts)
	if err != nil {
		return nil, err
	}
	if v, ok := attr(inst, "item_separator", nil).(py.String); ok {
		e.itemSep = string(v)
	}
	if v, ok := attr(inst, "key_separator", nil).(py.String); ok {
		e.keySep = string(v)
	}
	e.defaultFn, err = py.GetAttrString(inst, "default")
	return e, err
}

func jsonEncoderEncode(self py.Object, args py.Tuple) (py.Object, error) {
	inst, obj, err := selfAndArg(jsonEncoderType, self, args, "encode")
	if err != nil {
		return nil, err
	}
	e, err := encoderOf(inst)
	if err != nil {
		return nil, err
	}
	s, err := e.encode(obj)
	if err != nil {
		return nil, err
	}
	return py.String(s), nil
}

// jsonEncoderIterencode yields the whole document as one chunk.
func jsonEncoderIterencode(self py.Object, args py.Tuple) (py.Object, error) {
	s, err := jsonEncoderEncode(self, args)
	if err != nil {
		return nil, err
	}
	return py.NewIterator(py.Tuple{s}), nil
}

func jsonEncoderDefault(self py.Object, args py.Tuple) (py.Object, error) {
	_, obj, err := selfAndArg(jsonEncoderType, self, args, "default")
	if err != nil {
		return nil, err
	}
	return nil, py.ExceptionNewf(py.TypeError, "Object of type %s is not JSON serializable", obj.Type().Name)
}

func jsonDecoderInit(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	inst, args, err := selfAndArgs(jsonDecoderType, self, args, "__init__")
	if err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__init__() takes 1 positional argument but %d were given", len(args)+1)
	}
	opts, rest := splitOptions(kwargs, decoderOptions)
	if err := unexpectedKeyword("JSONDecoder.__init__", rest); err != nil {
		return nil, err
	}
	for _, name := range decoderOptions {
		inst.Dict[name] = py.None
		if v, ok := opts[name]; ok {
			inst.Dict[name] = v
		}
	}
	if _, ok := opts["strict"]; !ok {
		inst.Dict["strict"] = py.True
	}
	return py.None, nil
}

// decoderOf rebuilds the decoder from the instance's attributes, set to
// decode s.
func decoderOf(inst *py.Type, s py.Object) (*jsonDecoder, error) {
	opts := py.StringDict{}
	for _, name := range decoderOptions {
		if v := attr(inst, name, nil); v != nil {
			opts[name] = v
		}
	}
	d, err := newJSONDecoder(opts)
	if err != nil {
		return nil, err
	}
	if d.doc, err = strArg(s, "the JSON object"); err != nil {
		return nil, err
	}
	return d, nil
}

func jsonDecoderDecode(self py.Object, args py.Tuple) (py.Object, error) {
	inst, s, err := selfAndArg(jsonDecoderType, self, args, "decode")
	if err != nil {
		return nil, err
	}
	d, err := decoderOf(inst, s)
	if err != nil {
		return nil, err
	}
	return d.decode()
}

func jsonDecoderRawDecode(self py.Object, args py.Tuple) (py.Object, error) {
	inst, args, err := selfAndArgs(jsonDecoderType, self, args, "raw_decode")
	if err != nil {
		return nil, err
	}
	var s py.Object
	var idx py.Object = py.Int(0)
	if err := py.UnpackTuple(args, nil, "raw_decode", 1, 2, &s, &idx); err != nil {
		return nil, err
	}
	d, err := decoderOf(inst, s)
	if err != nil {
		return nil, err
	}
	start, err := goInt(idx, "idx")
	if err != nil {
		return nil, err
	}
	if start < 0 || start > utf8.RuneCountInString(d.doc) {
		return nil, d.fail("Expecting value", len(d.doc))
	}
	offset := byteOffset(d.doc, start)
	v, end, err := d.rawDecode(offset)
	if err != nil {
		return nil, err
	}
	return py.Tuple{v, py.Int(start + utf8.RuneCountInString(d.doc[offset:end]))}, nil
}
