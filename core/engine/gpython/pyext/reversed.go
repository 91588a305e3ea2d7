package pyext

import (
	"github.com/go-python/gpython/py"
)

var (
	listReverseIteratorType = py.NewType("list_reverseiterator", "reverse iterator over a list")
	reversedType            = py.NewType("reversed", "reversed(sequence) -> reverse iterator over values of the sequence")
)

// reverseIterator walks a sequence from its end through item(i), which
// reports false when the sequence has shrunk below i: the iteration then
// ends, as CPython's does for a list shortened meanwhile.
type reverseIterator struct {
	typ  *py.Type
	item func(i int) (py.Object, bool, error)
	next int
}

func (it *reverseIterator) Type() *py.Type { return it.typ }

func (it *reverseIterator) M__iter__() (py.Object, error) { return it, nil }

func (it *reverseIterator) M__next__() (py.Object, error) {
	if it.next < 0 {
		return nil, py.StopIteration
	}
	obj, ok, err := it.item(it.next)
	if err != nil {
		return nil, err
	}
	if !ok {
		it.next = -1
		return nil, py.StopIteration
	}
	it.next--
	return obj, nil
}

var (
	_ py.I__iter__ = (*reverseIterator)(nil)
	_ py.I__next__ = (*reverseIterator)(nil)
)

func builtinReversed(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "reversed() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, positionalCountError("reversed", 1, 1, len(args))
	}
	return reverseOf(args[0])
}

func reverseOf(seq py.Object) (py.Object, error) {
	switch s := seq.(type) {
	case *py.List:
		return &reverseIterator{typ: listReverseIteratorType, next: len(s.Items) - 1, item: func(i int) (py.Object, bool, error) {
			if i >= len(s.Items) {
				return nil, false, nil
			}
			return s.Items[i], true, nil
		}}, nil
	case py.Tuple:
		return reverseItems(s), nil
	case py.String:
		runes := []rune(string(s))
		items := make(py.Tuple, len(runes))
		for i, r := range runes {
			items[i] = py.String(r)
		}
		return reverseItems(items), nil
	case py.Bytes:
		items := make(py.Tuple, len(s))
		for i, c := range s {
			items[i] = py.Int(c)
		}
		return reverseItems(items), nil
	case py.StringDict:
		return reverseOf(&dictView{d: s, kind: keysView})
	case *dictView:
		return reverseItems(s.items()), nil
	case py.I__reversed__:
		// Go types that know their own reverse order (the ordered dict).
		return s.M__reversed__()
	}
	if res, found, err := callSpecial(seq, "__reversed__"); found {
		return res, err
	}
	return reverseBySequenceProtocol(seq)
}

func reverseItems(items py.Tuple) *reverseIterator {
	return &reverseIterator{typ: reversedType, next: len(items) - 1, item: func(i int) (py.Object, bool, error) {
		return items[i], true, nil
	}}
}

// reverseBySequenceProtocol serves anything with __len__ and __getitem__.
func reverseBySequenceProtocol(seq py.Object) (py.Object, error) {
	lenRes, found, err := callSpecial(seq, "__len__")
	if !found {
		_, hasLen := seq.(py.I__len__)
		_, hasItem := seq.(py.I__getitem__)
		if !hasLen || !hasItem {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", typeName(seq))
		}
		lenRes, err = py.Len(seq)
	}
	if err != nil {
		return nil, err
	}
	n, err := toInt(lenRes)
	if err != nil {
		return nil, err
	}
	return &reverseIterator{typ: reversedType, next: n - 1, item: func(i int) (py.Object, bool, error) {
		obj, err := getItem(seq, py.Int(i))
		return obj, err == nil, err
	}}, nil
}
