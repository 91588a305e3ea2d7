package pyext

import (
	"bytes"

	"github.com/go-python/gpython/py"
)

// bytes.partition, rpartition and replace, as str has them.

func bytesPartition(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return partitionBytes("partition", b, args, kwargs, false)
}

func bytesRpartition(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return partitionBytes("rpartition", b, args, kwargs, true)
}

func partitionBytes(fn string, b py.Bytes, args py.Tuple, kwargs py.StringDict, last bool) (py.Object, error) {
	var sepObj py.Object
	if err := unpack(fn, args, kwargs, 1, []string{"sep"}, false, &sepObj); err != nil {
		return nil, err
	}
	sep, err := bytesLike(sepObj)
	if err != nil {
		return nil, err
	}
	if len(sep) == 0 {
		return nil, py.ExceptionNewf(py.ValueError, "empty separator")
	}
	if last {
		i := bytes.LastIndex(b, sep)
		if i < 0 {
			return py.Tuple{py.Bytes{}, py.Bytes{}, clone(b)}, nil
		}
		return py.Tuple{clone(b[:i]), clone(sep), clone(b[i+len(sep):])}, nil
	}
	before, after, found := bytes.Cut(b, sep)
	if !found {
		return py.Tuple{clone(b), py.Bytes{}, py.Bytes{}}, nil
	}
	return py.Tuple{clone(before), clone(sep), clone(after)}, nil
}

func bytesReplace(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var oldObj, newObj py.Object
	var countObj py.Object = py.Int(-1)
	if err := unpack("replace", args, kwargs, 2, []string{"old", "new", "count"}, false, &oldObj, &newObj, &countObj); err != nil {
		return nil, err
	}
	old, err := bytesLike(oldObj)
	if err != nil {
		return nil, err
	}
	repl, err := bytesLike(newObj)
	if err != nil {
		return nil, err
	}
	count, err := toInt(countObj)
	if err != nil {
		return nil, err
	}
	return py.Bytes(bytes.Replace(b, old, repl, count)), nil
}
