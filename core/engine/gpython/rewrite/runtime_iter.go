package rewrite

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// checkedIterator is the iterator __gowsgi_iter__ gives a loop: it ends
// the loop when the iterator it wraps fails, leaving the error in the
// context's state for __gowsgi_iter_end__ or __gowsgi_iter_checked__,
// which run right after the loop, to raise.
type checkedIterator struct {
	it    py.Object
	state *contextState
}

var checkedIteratorType = py.NewType("checked_iterator", "an iterator whose errors end the loop and are raised after it")

func (c *checkedIterator) Type() *py.Type                { return checkedIteratorType }
func (c *checkedIterator) M__iter__() (py.Object, error) { return c, nil }

func (c *checkedIterator) M__next__() (py.Object, error) {
	item, err := py.Next(c.it)
	if err != nil && !py.IsException(py.StopIteration, err) {
		c.state.iterFailure = err
		return nil, py.StopIteration
	}
	return item, err
}

// iterHelper is __gowsgi_iter__(iterable).
func iterHelper(self, iterable py.Object) (py.Object, error) {
	switch iterable.(type) {
	case *py.List, py.Tuple, py.String, *py.Range:
		return py.Iter(iterable) // never fails
	case py.Bytes:
		return pyext.Iter(iterable)
	}
	state, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	it, err := pyext.Iter(iterable)
	if err != nil {
		return nil, err
	}
	return &checkedIterator{it: it, state: state}, nil
}

// iterEndHelper is __gowsgi_iter_end__(), run when a loop is exhausted.
func iterEndHelper(self py.Object) (py.Object, error) {
	return iterCheckedHelper(self, py.None)
}

// iterCheckedHelper is __gowsgi_iter_checked__(value): value, once the
// comprehension that made it ran to the end without its iterator
// failing.
func iterCheckedHelper(self, value py.Object) (py.Object, error) {
	state, err := stateIn(self)
	if err != nil {
		return nil, err
	}
	if failure := state.iterFailure; failure != nil {
		state.iterFailure = nil
		return nil, failure
	}
	return value, nil
}

// iterableHelper is __gowsgi_iterable__(iterable): an iterator over the
// ints of a bytes, anything else unchanged.
func iterableHelper(_, iterable py.Object) (py.Object, error) {
	if _, ok := iterable.(py.Bytes); ok {
		return pyext.Iter(iterable)
	}
	return iterable, nil
}
