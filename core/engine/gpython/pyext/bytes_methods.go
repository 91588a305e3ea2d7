package pyext

import (
	"github.com/go-python/gpython/py"
)

type bytesMethod = func(py.Bytes, py.Tuple, py.StringDict) (py.Object, error)

// installBytesMethods adds bytes' methods. gpython's bytes has no
// __contains__, __getitem__ or __len__ of its own and its VM reaches
// those only through Go interfaces: `in`, indexing and slicing on bytes
// are the rewriter's (operators.go has what it calls).
func installBytesMethods() {
	methods := []struct {
		name, doc string
		fn        bytesMethod
	}{
		{"decode", "B.decode(encoding='utf-8', errors='strict') -> str", bytesDecode},
		{"join", "B.join(iterable_of_bytes) -> bytes", bytesJoin},
		{"find", "B.find(sub[, start[, end]]) -> int", bytesFind},
		{"rfind", "B.rfind(sub[, start[, end]]) -> int", bytesRfind},
		{"index", "B.index(sub[, start[, end]]) -> int", bytesIndex},
		{"rindex", "B.rindex(sub[, start[, end]]) -> int", bytesRindex},
		{"count", "B.count(sub[, start[, end]]) -> int", bytesCount},
		{"startswith", "B.startswith(prefix[, start[, end]]) -> bool", bytesStartswith},
		{"endswith", "B.endswith(suffix[, start[, end]]) -> bool", bytesEndswith},
		{"split", "B.split(sep=None, maxsplit=-1) -> list of bytes", bytesSplit},
		{"rsplit", "B.rsplit(sep=None, maxsplit=-1) -> list of bytes", bytesRsplit},
		{"strip", "B.strip(bytes=None) -> bytes", bytesStrip},
		{"lstrip", "B.lstrip(bytes=None) -> bytes", bytesLstrip},
		{"rstrip", "B.rstrip(bytes=None) -> bytes", bytesRstrip},
		{"upper", "B.upper() -> bytes", bytesUpper},
		{"lower", "B.lower() -> bytes", bytesLower},
		{"hex", "B.hex([sep[, bytes_per_sep]]) -> str", bytesHex},
		{"partition", "B.partition(sep) -> (head, sep, tail)", bytesPartition},
		{"rpartition", "B.rpartition(sep) -> (head, sep, tail)", bytesRpartition},
		{"replace", "B.replace(old, new, count=-1) -> bytes", bytesReplace},
	}
	for _, m := range methods {
		setMethod(py.BytesType, m.name, m.doc, methodOf("bytes", m.name, m.fn))
	}
	setMethod(py.BytesType, "fromhex", "bytes.fromhex(string) -> bytes", bytesFromhex)
}

func bytesDecode(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	c, err := parseCodecArgs("bytes.decode", args, kwargs)
	if err != nil {
		return nil, err
	}
	return c.decode(b)
}

// bytesLike requires a bytes argument, in CPython's words.
func bytesLike(o py.Object) ([]byte, error) {
	b, ok := o.(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", typeName(o))
	}
	return b, nil
}

// clone copies b: gpython's bytes += may append into a shared array, so
// results never alias their source.
func clone(b []byte) py.Bytes {
	return py.Bytes(append([]byte{}, b...))
}

func bytesJoin(sep py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable py.Object
	if err := unpack("bytes.join", args, kwargs, 1, []string{"iterable_of_bytes"}, false, &iterable); err != nil {
		return nil, err
	}
	var out []byte
	i := 0
	err := iterate(iterable, func(item py.Object) (bool, error) {
		part, ok := item.(py.Bytes)
		if !ok {
			return false, py.ExceptionNewf(py.TypeError, "sequence item %d: expected a bytes-like object, %s found", i, typeName(item))
		}
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, part...)
		i++
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return py.Bytes(append([]byte{}, out...)), nil
}

// bytesUpper and bytesLower change ASCII letters only, as bytes does.
func bytesUpper(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("bytes.upper", args, kwargs); err != nil {
		return nil, err
	}
	out := clone(b)
	for i, c := range out {
		if c >= 'a' && c <= 'z' {
			out[i] = c - 'a' + 'A'
		}
	}
	return out, nil
}

func bytesLower(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("bytes.lower", args, kwargs); err != nil {
		return nil, err
	}
	out := clone(b)
	for i, c := range out {
		if c >= 'A' && c <= 'Z' {
			out[i] = c - 'A' + 'a'
		}
	}
	return out, nil
}
