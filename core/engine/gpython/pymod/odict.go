package pymod

import "github.com/go-python/gpython/py"

// odict is the ordered hash map behind OrderedDict, defaultdict and
// Counter. Python dicts keep insertion order and take any hashable key;
// gpython's own dict does neither, so these types carry their own.
type odict struct {
	cls     *py.Type // OrderedDict, defaultdict or Counter
	index   map[string]int
	entries []odictEntry // removed entries have a nil key
	live    int
	// factory is defaultdict's default_factory (None when unset).
	factory py.Object
	// inRepr stops repr of a dict that contains itself.
	inRepr bool
}

type odictEntry struct {
	hkey       string
	key, value py.Object
}

func newOdict(cls *py.Type) *odict {
	return &odict{cls: cls, index: map[string]int{}, factory: py.None}
}

func (d *odict) Type() *py.Type { return d.cls }

func (d *odict) lookup(key py.Object) (py.Object, bool, error) {
	h, err := hashKey(key)
	if err != nil {
		return nil, false, err
	}
	if i, ok := d.index[h]; ok {
		return d.entries[i].value, true, nil
	}
	return nil, false, nil
}

func (d *odict) set(key, value py.Object) error {
	h, err := hashKey(key)
	if err != nil {
		return err
	}
	if i, ok := d.index[h]; ok {
		d.entries[i].value = value
		return nil
	}
	d.index[h] = len(d.entries)
	d.entries = append(d.entries, odictEntry{hkey: h, key: key, value: value})
	d.live++
	return nil
}

// remove deletes key and returns its value; ok is false if it was absent.
func (d *odict) remove(key py.Object) (py.Object, bool, error) {
	h, err := hashKey(key)
	if err != nil {
		return nil, false, err
	}
	i, ok := d.index[h]
	if !ok {
		return nil, false, nil
	}
	v := d.entries[i].value
	d.drop(i)
	return v, true, nil
}

func (d *odict) drop(i int) {
	delete(d.index, d.entries[i].hkey)
	d.entries[i] = odictEntry{}
	d.live--
	if len(d.entries) > 32 && d.live < len(d.entries)/2 {
		d.compact()
	}
}

func (d *odict) compact() {
	kept := make([]odictEntry, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			d.index[e.hkey] = len(kept)
			kept = append(kept, e)
		}
	}
	d.entries = kept
}

func (d *odict) clear() {
	d.index = map[string]int{}
	d.entries = nil
	d.live = 0
}

// pairs returns the keys and values in order.
func (d *odict) pairs() (keys, values []py.Object) {
	keys = make([]py.Object, 0, d.live)
	values = make([]py.Object, 0, d.live)
	for _, e := range d.entries {
		if e.key != nil {
			keys = append(keys, e.key)
			values = append(values, e.value)
		}
	}
	return keys, values
}

// ends returns the position of the first or last live entry, or -1.
func (d *odict) end(last bool) int {
	if last {
		for i := len(d.entries) - 1; i >= 0; i-- {
			if d.entries[i].key != nil {
				return i
			}
		}
		return -1
	}
	for i, e := range d.entries {
		if e.key != nil {
			return i
		}
	}
	return -1
}

// moveToEnd puts an existing key last, or first.
func (d *odict) moveToEnd(key py.Object, last bool) (bool, error) {
	h, err := hashKey(key)
	if err != nil {
		return false, err
	}
	i, ok := d.index[h]
	if !ok {
		return false, nil
	}
	e := d.entries[i]
	d.entries[i] = odictEntry{}
	if last {
		d.index[h] = len(d.entries)
		d.entries = append(d.entries, e)
	} else {
		d.entries = append([]odictEntry{e}, d.entries...)
		for j, x := range d.entries {
			if x.key != nil {
				d.index[x.hkey] = j
			}
		}
	}
	if len(d.entries) > 32 && d.live < len(d.entries)/2 {
		d.compact()
	}
	return true, nil
}

func (d *odict) copyOf() *odict {
	c := newOdict(d.cls)
	c.factory = d.factory
	for _, e := range d.entries {
		if e.key != nil {
			c.index[e.hkey] = len(c.entries)
			c.entries = append(c.entries, e)
		}
	}
	c.live = len(c.entries)
	return c
}
