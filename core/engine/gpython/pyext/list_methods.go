package pyext

import (
	"github.com/go-python/gpython/py"
)

type listMethod = func(*py.List, py.Tuple, py.StringDict) (py.Object, error)

// installListMethods adds list's missing methods and replaces extend
// (gpython's ignores anything but a list) and sort (gpython's cannot order
// tuples).
func installListMethods() {
	methods := []struct {
		name, doc string
		fn        listMethod
	}{
		{"extend", "L.extend(iterable) -> None: append the items of iterable", listExtend},
		{"insert", "L.insert(index, object) -> None: insert object before index", listInsert},
		{"remove", "L.remove(value) -> None: remove the first occurrence of value", listRemove},
		{"pop", "L.pop([index]) -> item removed at index (default last)", listPop},
		{"index", "L.index(value[, start[, end]]) -> int: first index of value", listIndex},
		{"count", "L.count(value) -> int: number of occurrences of value", listCount},
		{"reverse", "L.reverse() -> None: reverse in place", listReverse},
		{"copy", "L.copy() -> a shallow copy of L", listCopy},
		{"clear", "L.clear() -> None: remove all items", listClear},
		{"sort", "L.sort(*, key=None, reverse=False) -> None: stable sort in place", listSort},
	}
	for _, m := range methods {
		setMethod(py.ListType, m.name, m.doc, methodOf("list", m.name, m.fn))
	}
}

func listExtend(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable py.Object
	if err := unpack("list.extend", args, kwargs, 1, []string{"iterable"}, false, &iterable); err != nil {
		return nil, err
	}
	// collect first, so that l.extend(l) doubles l once.
	items, err := collect(iterable)
	if err != nil {
		return nil, err
	}
	l.Items = append(l.Items, items...)
	return py.None, nil
}

func listInsert(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "insert() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "insert expected 2 arguments, got %d", len(args))
	}
	i, err := toInt(args[0])
	if err != nil {
		return nil, err
	}
	n := len(l.Items)
	if i < 0 {
		i = max(i+n, 0)
	}
	i = min(i, n)
	l.Items = append(l.Items, nil)
	copy(l.Items[i+1:], l.Items[i:])
	l.Items[i] = args[1]
	return py.None, nil
}

func listRemove(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var value py.Object
	if err := unpack("list.remove", args, kwargs, 1, []string{"value"}, false, &value); err != nil {
		return nil, err
	}
	i, err := indexIn(l.Items, value, 0, len(l.Items))
	if err != nil {
		return nil, err
	}
	if i < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "list.remove(x): x not in list")
	}
	l.Items = append(l.Items[:i], l.Items[i+1:]...)
	return py.None, nil
}

func listPop(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var indexObj py.Object = py.Int(-1)
	if err := unpack("list.pop", args, kwargs, 0, []string{"index"}, false, &indexObj); err != nil {
		return nil, err
	}
	i, err := toInt(indexObj)
	if err != nil {
		return nil, err
	}
	n := len(l.Items)
	if n == 0 {
		return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
	}
	item := l.Items[i]
	l.Items = append(l.Items[:i], l.Items[i+1:]...)
	return item, nil
}

// indexIn is the first position of value in items[start:end], or -1.
func indexIn(items []py.Object, value py.Object, start, end int) (int, error) {
	for i := start; i < end && i < len(items); i++ {
		eq, err := equal(items[i], value)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func listIndex(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return listIndexIn("list", l.Items, args, kwargs)
}

// listIndexIn is list.index or tuple.index (owner) over items.
func listIndexIn(owner string, items []py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var value, startObj, endObj py.Object = nil, py.None, py.None
	if err := unpack(owner+".index", args, kwargs, 1, []string{"value", "start", "stop"}, false, &value, &startObj, &endObj); err != nil {
		return nil, err
	}
	start, end, err := sliceBounds(startObj, endObj, len(items))
	if err != nil {
		return nil, err
	}
	i, err := indexIn(items, value, start, end)
	if err != nil {
		return nil, err
	}
	if i < 0 {
		if owner == "tuple" {
			return nil, py.ExceptionNewf(py.ValueError, "tuple.index(x): x not in tuple")
		}
		r, err := reprOf(value)
		if err != nil {
			return nil, err
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s is not in list", r)
	}
	return py.Int(i), nil
}

func listCount(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return countIn("list", l.Items, args, kwargs)
}

// countIn is list.count or tuple.count (owner) over items.
func countIn(owner string, items []py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var value py.Object
	if err := unpack(owner+".count", args, kwargs, 1, []string{"value"}, false, &value); err != nil {
		return nil, err
	}
	n := 0
	for _, item := range items {
		eq, err := equal(item, value)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.Int(n), nil
}

func listReverse(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("list.reverse", args, kwargs); err != nil {
		return nil, err
	}
	for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
		l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
	}
	return py.None, nil
}

func listCopy(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("list.copy", args, kwargs); err != nil {
		return nil, err
	}
	return l.Copy(), nil
}

func listClear(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("list.clear", args, kwargs); err != nil {
		return nil, err
	}
	l.Items = nil
	return py.None, nil
}

// listSort sorts a copy and stores it back only on success, so that an
// unorderable item leaves the list as it was.
func listSort(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "sort() takes no positional arguments")
	}
	key, reverse, err := parseSortOptions("sort", kwargs)
	if err != nil {
		return nil, err
	}
	items := append([]py.Object(nil), l.Items...)
	if err := sortItems(items, key, reverse); err != nil {
		return nil, err
	}
	if len(l.Items) != len(items) {
		return nil, py.ExceptionNewf(py.ValueError, "list modified during sort")
	}
	copy(l.Items, items)
	return py.None, nil
}
