package pymod

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// deque is collections.deque: a list with cheap appends and pops at both
// ends and an optional maximum length.
type deque struct {
	items  []py.Object
	maxlen int // -1: unbounded
	inRepr bool
}

var dequeType *py.Type

func init() {
	dequeType = py.NewTypeX("deque", "deque([iterable[, maxlen]]) --> deque object", newDeque, nil)
	mustReady(dequeType)
	addMethods(dequeType,
		dequeMethod("append", func(q *deque, x py.Object) error { q.push(x, true); return nil }, "Add an element to the right side of the deque."),
		dequeMethod("appendleft", func(q *deque, x py.Object) error { q.push(x, false); return nil }, "Add an element to the left side of the deque."),
		dequeMethod("extend", func(q *deque, it py.Object) error { return q.extend(it, true) }, "Extend the right side of the deque with elements from the iterable."),
		dequeMethod("extendleft", func(q *deque, it py.Object) error { return q.extend(it, false) }, "Extend the left side of the deque with elements from the iterable."),
		dequeMethod("remove", (*deque).removeValue, "Remove first occurrence of value."),
		goMethod0("pop", func(q *deque) (py.Object, error) { return q.pop(true) }, "Remove and return the rightmost element."),
		goMethod0("popleft", func(q *deque) (py.Object, error) { return q.pop(false) }, "Remove and return the leftmost element."),
		goMethod0("clear", func(q *deque) (py.Object, error) {
			q.items = nil
			return py.None, nil
		}, "Remove all elements from the deque."),
		goMethod0("copy", func(q *deque) (py.Object, error) {
			return &deque{items: append([]py.Object(nil), q.items...), maxlen: q.maxlen}, nil
		}, "Return a shallow copy of a deque."),
		goMethod0("reverse", func(q *deque) (py.Object, error) {
			items := q.items
			for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
				items[i], items[j] = items[j], items[i]
			}
			return py.None, nil
		}, "Reverse *IN PLACE*."),
		goMethod("rotate", dequeRotate, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."),
		goMethod1("count", func(q *deque, x py.Object) (py.Object, error) {
			n := 0
			for _, item := range q.items {
				eq, err := equal(item, x)
				if err != nil {
					return nil, err
				}
				if eq {
					n++
				}
			}
			return py.Int(n), nil
		}, "Return number of occurrences of value."),
	)
	dequeType.Dict["maxlen"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		if q, ok := self.(*deque); ok && q.maxlen >= 0 {
			return py.Int(q.maxlen), nil
		}
		return py.None, nil
	}}
}

func (q *deque) Type() *py.Type { return dequeType }

func dequeMethod(name string, fn func(q *deque, x py.Object) error, doc string) *py.Method {
	return goMethod1(name, func(q *deque, x py.Object) (py.Object, error) {
		return py.None, fn(q, x)
	}, doc)
}

func newDeque(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var iterable py.Object = py.Tuple{}
	var maxlen py.Object = py.None
	if err := parseArgs("deque", args, kwargs, []string{"iterable", "maxlen"}, 0, &iterable, &maxlen); err != nil {
		return nil, err
	}
	q := &deque{maxlen: -1}
	if maxlen != py.None {
		n, err := goInt(maxlen, "maxlen")
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "maxlen must be non-negative")
		}
		q.maxlen = n
	}
	return q, q.extend(iterable, true)
}

// push adds at one end, dropping from the other past maxlen.
func (q *deque) push(x py.Object, right bool) {
	if q.maxlen == 0 {
		return
	}
	if right {
		q.items = append(q.items, x)
		if q.maxlen > 0 && len(q.items) > q.maxlen {
			q.items = q.items[1:]
		}
		return
	}
	q.items = append([]py.Object{x}, q.items...)
	if q.maxlen > 0 && len(q.items) > q.maxlen {
		q.items = q.items[:q.maxlen]
	}
}

func (q *deque) extend(iterable py.Object, right bool) error {
	src, err := items(iterable)
	if err != nil {
		return err
	}
	// Copy first: the iterable may be this deque.
	for _, x := range append([]py.Object(nil), src...) {
		q.push(x, right)
	}
	return nil
}

func (q *deque) pop(right bool) (py.Object, error) {
	if len(q.items) == 0 {
		return nil, py.ExceptionNewf(py.IndexError, "pop from an empty deque")
	}
	if right {
		x := q.items[len(q.items)-1]
		q.items = q.items[:len(q.items)-1]
		return x, nil
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x, nil
}

func (q *deque) removeValue(x py.Object) error {
	for i, item := range q.items {
		eq, err := equal(item, x)
		if err != nil {
			return err
		}
		if eq {
			q.items = append(q.items[:i:i], q.items[i+1:]...)
			return nil
		}
	}
	r, err := reprOf(x)
	if err != nil {
		return err
	}
	return py.ExceptionNewf(py.ValueError, "%s is not in deque", r)
}

func dequeRotate(q *deque, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var nObj py.Object = py.Int(1)
	if err := py.UnpackTuple(args, kwargs, "rotate", 0, 1, &nObj); err != nil {
		return nil, err
	}
	n, err := goInt(nObj, "n")
	if err != nil {
		return nil, err
	}
	if l := len(q.items); l > 1 {
		n = ((n % l) + l) % l
		q.items = append(q.items[l-n:], q.items[:l-n]...)
	}
	return py.None, nil
}

func (q *deque) index(key py.Object) (int, error) {
	i, err := py.IndexInt(key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += len(q.items)
	}
	if i < 0 || i >= len(q.items) {
		return 0, py.ExceptionNewf(py.IndexError, "deque index out of range")
	}
	return i, nil
}

func (q *deque) M__getitem__(key py.Object) (py.Object, error) {
	i, err := q.index(key)
	if err != nil {
		return nil, err
	}
	return q.items[i], nil
}

func (q *deque) M__setitem__(key, value py.Object) (py.Object, error) {
	i, err := q.index(key)
	if err != nil {
		return nil, err
	}
	q.items[i] = value
	return py.None, nil
}

func (q *deque) M__delitem__(key py.Object) (py.Object, error) {
	i, err := q.index(key)
	if err != nil {
		return nil, err
	}
	q.items = append(q.items[:i:i], q.items[i+1:]...)
	return py.None, nil
}

func (q *deque) M__len__() (py.Object, error) { return py.Int(len(q.items)), nil }

func (q *deque) M__bool__() (py.Object, error) { return py.NewBool(len(q.items) > 0), nil }

func (q *deque) M__iter__() (py.Object, error) {
	return py.NewIterator(py.Tuple(append([]py.Object(nil), q.items...))), nil
}

func (q *deque) M__reversed__() (py.Object, error) {
	r := make(py.Tuple, len(q.items))
	for i, x := range q.items {
		r[len(r)-1-i] = x
	}
	return py.NewIterator(r), nil
}

func (q *deque) M__contains__(x py.Object) (py.Object, error) {
	for _, item := range q.items {
		if eq, err := equal(item, x); err != nil || eq {
			return py.NewBool(eq), err
		}
	}
	return py.False, nil
}

func (q *deque) M__eq__(other py.Object) (py.Object, error) {
	o, ok := other.(*deque)
	if !ok {
		return py.NotImplemented, nil
	}
	if len(o.items) != len(q.items) {
		return py.False, nil
	}
	for i := range q.items {
		if eq, err := equal(q.items[i], o.items[i]); err != nil || !eq {
			return py.False, err
		}
	}
	return py.True, nil
}

func (q *deque) M__ne__(other py.Object) (py.Object, error) {
	eq, err := q.M__eq__(other)
	if err != nil || eq == py.NotImplemented {
		return eq, err
	}
	return py.NewBool(eq == py.False), nil
}

func (q *deque) M__str__() (py.Object, error) { return q.M__repr__() }

func (q *deque) M__repr__() (py.Object, error) {
	if q.inRepr {
		return py.String("[...]"), nil
	}
	q.inRepr = true
	defer func() { q.inRepr = false }()
	var b strings.Builder
	b.WriteString("deque([")
	for i, x := range q.items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := reprOf(x)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString("]")
	if q.maxlen >= 0 {
		b.WriteString(", maxlen=" + itoa(q.maxlen))
	}
	b.WriteString(")")
	return py.String(b.String()), nil
}
