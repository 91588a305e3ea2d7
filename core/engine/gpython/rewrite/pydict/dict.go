// Package pydict is Python's dict for gpython: any hashable key, and
// iteration in insertion order. gpython's own dict (py.StringDict) takes
// only str keys and iterates in random order; the rewriter makes dict
// displays, dict comprehensions and dict() build this type instead, and
// the builtin name dict refers to it.
//
// Other Go code builds one with New, NewSized or FromStringDict and fills
// it with SetItem or SetString; Range walks it in order.
package pydict

import (
	"github.com/go-python/gpython/py"
)

// smallSize is how many entries a dict holds before it builds a hash
// index: below it a scan of the cached hashes is faster than the index,
// and small dicts are the common case (headers, JSON objects).
const smallSize = 8

// Dict is an insertion-ordered hash table, laid out as CPython's: entries
// in insertion order, and an open-addressing index of entry positions.
// A Dict belongs to one interpreter context, like every gpython object.
type Dict struct {
	entries []entry // deleted entries keep their slot with a nil key
	live    int
	index   []int32 // nil while small; else slotEmpty, slotDeleted or an entry position
	used    int     // index slots not empty (live or deleted)
	// layout changes when the entries are compacted, which moves them
	// under running iterators.
	layout uint64
	inRepr bool // repr is running: a dict inside itself prints {...}
	// class is the Python class of an instance of a dict subclass, nil
	// for a plain dict; attrs holds such an instance's attributes.
	class *py.Type
	attrs py.StringDict
}

type entry struct {
	key, value py.Object
	hash       uint64
}

const (
	slotEmpty   = -1
	slotDeleted = -2
)

// New makes an empty dict.
func New() *Dict { return &Dict{} }

// NewSized makes an empty dict with room for n keys.
func NewSized(n int) *Dict {
	d := &Dict{entries: make([]entry, 0, n)}
	if n > smallSize {
		d.buildIndex(indexSizeFor(n))
	}
	return d
}

// Len is the number of keys.
func (d *Dict) Len() int { return d.live }

// GetItem returns the value of key; found is false when key is absent.
// err is set when key is unhashable or its comparison fails.
func (d *Dict) GetItem(key py.Object) (value py.Object, found bool, err error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	pos, err := d.find(key, h)
	if err != nil || pos < 0 {
		return nil, false, err
	}
	return d.entries[pos].value, true, nil
}

// GetString is GetItem for a str key.
func (d *Dict) GetString(key string) (py.Object, bool) {
	v, found, _ := d.GetItem(py.String(key))
	return v, found
}

// SetItem sets key to value, keeping the key's place if it is present.
func (d *Dict) SetItem(key, value py.Object) error {
	h, err := Hash(key)
	if err != nil {
		return err
	}
	return d.setHashed(key, value, h)
}

// SetString is SetItem for a str key, which cannot fail.
func (d *Dict) SetString(key string, value py.Object) {
	_ = d.SetItem(py.String(key), value)
}

func (d *Dict) setHashed(key, value py.Object, h uint64) error {
	pos, err := d.find(key, h)
	if err != nil {
		return err
	}
	if pos >= 0 {
		d.entries[pos].value = value
		return nil
	}
	d.insertNew(key, value, h)
	return nil
}

// insertNew appends a key known to be absent.
func (d *Dict) insertNew(key, value py.Object, h uint64) {
	if d.index == nil && len(d.entries) >= smallSize {
		d.rebuild(d.live + 1)
	} else if d.index != nil && 3*(d.used+1) > 2*len(d.index) {
		d.rebuild(d.live + 1)
	}
	d.entries = append(d.entries, entry{key: key, value: value, hash: h})
	d.live++
	if d.index != nil {
		d.indexInsert(h, int32(len(d.entries)-1))
	}
}

// DelItem removes key; found is false when it was absent.
func (d *Dict) DelItem(key py.Object) (found bool, err error) {
	_, found, err = d.pop(key)
	return found, err
}

// pop removes key and returns its value.
func (d *Dict) pop(key py.Object) (py.Object, bool, error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	pos, err := d.find(key, h)
	if err != nil || pos < 0 {
		return nil, false, err
	}
	value := d.entries[pos].value
	d.removeAt(pos)
	return value, true, nil
}

func (d *Dict) removeAt(pos int) {
	if d.index != nil {
		d.indexDelete(d.entries[pos].hash, int32(pos))
	}
	d.entries[pos] = entry{}
	d.live--
	if pos == len(d.entries)-1 {
		d.trimTail()
	} else if len(d.entries) > smallSize && d.live < len(d.entries)/2 {
		d.rebuild(d.live)
	}
}

// trimTail drops deleted entries at the end, so that popitem stays cheap.
func (d *Dict) trimTail() {
	n := len(d.entries)
	for n > 0 && d.entries[n-1].key == nil {
		n--
	}
	d.entries = d.entries[:n]
}

// Clear removes every key.
func (d *Dict) Clear() {
	*d = Dict{layout: d.layout + 1}
}

// Range calls fn for each key and value in insertion order until fn
// returns false. fn must not add or remove keys.
func (d *Dict) Range(fn func(key, value py.Object) bool) {
	for _, e := range d.entries {
		if e.key != nil && !fn(e.key, e.value) {
			return
		}
	}
}

// Keys lists the keys in order.
func (d *Dict) Keys() []py.Object {
	keys := make([]py.Object, 0, d.live)
	d.Range(func(k, _ py.Object) bool {
		keys = append(keys, k)
		return true
	})
	return keys
}

// Copy is a shallow copy.
func (d *Dict) Copy() *Dict {
	c := NewSized(d.live)
	for _, e := range d.entries {
		if e.key != nil {
			c.insertNew(e.key, e.value, e.hash)
		}
	}
	return c
}

// find returns the entry position of key, or -1.
func (d *Dict) find(key py.Object, h uint64) (int, error) {
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.key == nil || e.hash != h {
				continue
			}
			eq, err := keysEqual(e.key, key)
			if err != nil {
				return -1, err
			}
			if eq {
				return i, nil
			}
		}
		return -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := h
	for slot := h & mask; ; slot = (slot*5 + perturb + 1) & mask {
		ix := d.index[slot]
		if ix == slotEmpty {
			return -1, nil
		}
		if ix >= 0 && d.entries[ix].hash == h {
			eq, err := keysEqual(d.entries[ix].key, key)
			if err != nil {
				return -1, err
			}
			if eq {
				return int(ix), nil
			}
		}
		perturb >>= 5
	}
}

// keysEqual is Equal with the identity shortcut for str keys, the common
// case.
func keysEqual(stored, key py.Object) (bool, error) {
	if s, ok := stored.(py.String); ok {
		k, ok := key.(py.String)
		return ok && s == k, nil
	}
	return Equal(stored, key)
}

func (d *Dict) indexInsert(h uint64, pos int32) {
	mask := uint64(len(d.index) - 1)
	perturb := h
	for slot := h & mask; ; slot = (slot*5 + perturb + 1) & mask {
		if d.index[slot] == slotEmpty {
			d.index[slot] = pos
			d.used++
			return
		}
		perturb >>= 5
	}
}

func (d *Dict) indexDelete(h uint64, pos int32) {
	mask := uint64(len(d.index) - 1)
	perturb := h
	for slot := h & mask; ; slot = (slot*5 + perturb + 1) & mask {
		switch d.index[slot] {
		case pos:
			d.index[slot] = slotDeleted
			return
		case slotEmpty:
			return
		}
		perturb >>= 5
	}
}

// rebuild compacts the entries and sizes the index for n keys.
func (d *Dict) rebuild(n int) {
	if d.live != len(d.entries) {
		live := make([]entry, 0, max(n, d.live))
		for _, e := range d.entries {
			if e.key != nil {
				live = append(live, e)
			}
		}
		d.entries = live
		d.layout++
	}
	if n <= smallSize {
		d.index, d.used = nil, 0
		return
	}
	d.buildIndex(indexSizeFor(n))
	for i, e := range d.entries {
		d.indexInsert(e.hash, int32(i))
	}
}

func (d *Dict) buildIndex(size int) {
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = slotEmpty
	}
	d.used = 0
}

// indexSizeFor is the power of two that keeps n keys under two thirds
// full, with room to grow.
func indexSizeFor(n int) int {
	size := 16
	for size*2 < n*3+3 {
		size *= 2
	}
	return size * 2
}
