package pyext

import (
	"github.com/go-python/gpython/py"
)

type dictMethod = func(py.StringDict, py.Tuple, py.StringDict) (py.Object, error)

// installDictMethods gives gpython's string-keyed dict its missing
// methods and replaces keys/values/items (iterators there) with views.
func installDictMethods() {
	methods := []struct {
		name, doc string
		fn        dictMethod
	}{
		{"get", "D.get(key, default=None) -> D[key] if key in D, else default", dictGet},
		{"pop", "D.pop(key[, default]) -> value removed from D", dictPop},
		{"popitem", "D.popitem() -> (key, value) removed from D", dictPopitem},
		{"update", "D.update([other], **kwargs) -> None", dictUpdate},
		{"setdefault", "D.setdefault(key, default=None) -> D[key], set to default if absent", dictSetdefault},
		{"copy", "D.copy() -> a shallow copy of D", dictCopy},
		{"clear", "D.clear() -> None: remove all items", dictClear},
		{"keys", "D.keys() -> a view of D's keys", dictViewMethod("dict.keys", keysView)},
		{"values", "D.values() -> a view of D's values", dictViewMethod("dict.values", valuesView)},
		{"items", "D.items() -> a view of D's items", dictViewMethod("dict.items", itemsView)},
	}
	for _, m := range methods {
		setMethod(py.StringDictType, m.name, m.doc, methodOf("dict", m.name, m.fn))
	}
	setMethod(py.StringDictType, "fromkeys", "dict.fromkeys(iterable, value=None) -> new dict", dictFromkeys)
}

// dictKey is the Go key for a Python key: found is false for keys a
// string-keyed dict cannot hold (so cannot contain).
func dictKey(key py.Object) (string, bool) {
	s, ok := key.(py.String)
	return string(s), ok
}

// storableKey is dictKey for keys about to be stored, which must be str.
func storableKey(key py.Object) (string, error) {
	if s, ok := dictKey(key); ok {
		return s, nil
	}
	switch key.(type) {
	case *py.List, py.StringDict, *py.Set:
		return "", py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", typeName(key))
	}
	return "", py.ExceptionNewf(py.TypeError, "this dict holds only str keys, not %s", typeName(key))
}

func dictGet(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, def py.Object = nil, py.None
	if err := unpack("dict.get", args, kwargs, 1, []string{"key", "default"}, false, &key, &def); err != nil {
		return nil, err
	}
	if k, ok := dictKey(key); ok {
		if v, found := d[k]; found {
			return v, nil
		}
	}
	return def, nil
}

func dictPop(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, def py.Object
	if err := unpack("dict.pop", args, kwargs, 1, []string{"key", "default"}, false, &key, &def); err != nil {
		return nil, err
	}
	if k, ok := dictKey(key); ok {
		if v, found := d[k]; found {
			delete(d, k)
			return v, nil
		}
	}
	if def != nil {
		return def, nil
	}
	return nil, keyError(key)
}

// dictPopitem removes the item a view would show last.
func dictPopitem(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("dict.popitem", args, kwargs); err != nil {
		return nil, err
	}
	if len(d) == 0 {
		return nil, keyError(py.String("popitem(): dictionary is empty"))
	}
	keys := sortedKeys(d)
	k := keys[len(keys)-1]
	v := d[k]
	delete(d, k)
	return py.Tuple{py.String(k), v}, nil
}

func dictSetdefault(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, def py.Object = nil, py.None
	if err := unpack("dict.setdefault", args, kwargs, 1, []string{"key", "default"}, false, &key, &def); err != nil {
		return nil, err
	}
	k, err := storableKey(key)
	if err != nil {
		return nil, err
	}
	if v, found := d[k]; found {
		return v, nil
	}
	d[k] = def
	return def, nil
}

func dictCopy(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("dict.copy", args, kwargs); err != nil {
		return nil, err
	}
	return d.Copy(), nil
}

func dictClear(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("dict.clear", args, kwargs); err != nil {
		return nil, err
	}
	for k := range d {
		delete(d, k)
	}
	return py.None, nil
}

func dictViewMethod(name string, kind viewKind) dictMethod {
	return func(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := noArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		return &dictView{d: d, kind: kind}, nil
	}
}

// dictUpdate is D.update([other], **kwargs): other a dict, anything with
// keys(), or an iterable of key/value pairs; keywords are applied last.
func dictUpdate(d py.StringDict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "update expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := mergeInto(d, args[0]); err != nil {
			return nil, err
		}
	}
	for k, v := range kwargs {
		d[k] = v
	}
	return py.None, nil
}

// mergeInto copies other's items into d.
func mergeInto(d py.StringDict, other py.Object) error {
	if src, ok := other.(py.StringDict); ok {
		for k, v := range src {
			d[k] = v
		}
		return nil
	}
	if keysFn, err := py.GetAttrString(other, "keys"); err == nil {
		keys, err := callObject(keysFn)
		if err != nil {
			return err
		}
		return iterate(keys, func(key py.Object) (bool, error) {
			k, err := storableKey(key)
			if err != nil {
				return false, err
			}
			v, err := getItem(other, key)
			if err != nil {
				return false, err
			}
			d[k] = v
			return true, nil
		})
	}
	i := 0
	return iterate(other, func(item py.Object) (bool, error) {
		pair, err := collect(item)
		if err != nil {
			return false, py.ExceptionNewf(py.TypeError, "cannot convert dictionary update sequence element #%d to a sequence", i)
		}
		if len(pair) != 2 {
			return false, py.ExceptionNewf(py.ValueError, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
		}
		k, err := storableKey(pair[0])
		if err != nil {
			return false, err
		}
		d[k] = pair[1]
		i++
		return true, nil
	})
}

// dictFromkeys is reached as dict.fromkeys(...) or {}.fromkeys(...); the
// receiver does not matter either way.
func dictFromkeys(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable, value py.Object = nil, py.None
	if err := unpack("dict.fromkeys", args, kwargs, 1, []string{"iterable", "value"}, false, &iterable, &value); err != nil {
		return nil, err
	}
	d := py.NewStringDict()
	err := iterate(iterable, func(key py.Object) (bool, error) {
		k, err := storableKey(key)
		if err != nil {
			return false, err
		}
		d[k] = value
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
