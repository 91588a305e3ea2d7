package pyext

import (
	"sort"

	"github.com/go-python/gpython/py"
)

// sortItems sorts items in place, stably, ordering by lessThan on key(item)
// (each key computed once, as CPython does) and keeping equal items in
// their original order also when reversed. It stops at the first error.
func sortItems(items []py.Object, key py.Object, reverse bool) error {
	var keys []py.Object
	if key != nil && key != py.None {
		keys = make([]py.Object, len(items))
		for i, item := range items {
			k, err := callObject(key, item)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	s := &keyedSort{items: items, keys: keys, reverse: reverse}
	sort.Stable(s)
	return s.err
}

// keyedSort keeps items and their keys in step while sort.Stable moves
// them; keys nil means the items are their own keys.
type keyedSort struct {
	items   []py.Object
	keys    []py.Object
	reverse bool
	err     error
}

func (s *keyedSort) Len() int { return len(s.items) }

func (s *keyedSort) Swap(i, j int) {
	s.items[i], s.items[j] = s.items[j], s.items[i]
	if s.keys != nil {
		s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	}
}

func (s *keyedSort) Less(i, j int) bool {
	if s.err != nil {
		return false
	}
	keys := s.items
	if s.keys != nil {
		keys = s.keys
	}
	a, b := keys[i], keys[j]
	if s.reverse {
		a, b = b, a
	}
	less, err := lessThan(a, b)
	if err != nil {
		s.err = err
		return false
	}
	return less
}

// parseSortOptions reads sort's keyword-only key and reverse.
func parseSortOptions(fn string, kwargs py.StringDict) (key py.Object, reverse bool, err error) {
	var keyObj, reverseObj py.Object = py.None, py.False
	if err := keywordOnly(fn, kwargs, []string{"key", "reverse"}, &keyObj, &reverseObj); err != nil {
		return nil, false, err
	}
	reverse, err = isTrue(reverseObj)
	return keyObj, reverse, err
}
