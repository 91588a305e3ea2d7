package pymod

import (
	"container/list"
	"strings"

	"github.com/go-python/gpython/py"
)

// lru_cache and cache memoise a function by its arguments (which must be
// hashable); cached_property computes an attribute once per instance;
// cmp_to_key adapts an old-style comparison function.

type lruCache struct {
	fn      py.Object
	maxsize int // -1: unbounded
	typed   bool
	entries map[string]*list.Element
	order   *list.List // most recent at the front
	hits    int
	misses  int
	dict    py.StringDict
}

type lruEntry struct {
	key   string
	value py.Object
}

var lruCacheType = func() *py.Type {
	t := newGoType("functools._lru_cache_wrapper", "Cached function.")
	addMethods(t,
		goMethod0("cache_info", (*lruCache).info, "Report cache statistics"),
		goMethod0("cache_clear", func(c *lruCache) (py.Object, error) {
			c.entries, c.hits, c.misses = map[string]*list.Element{}, 0, 0
			c.order.Init()
			return py.None, nil
		}, "Clear the cache and cache statistics"),
	)
	return t
}()

// cacheInfoType is the CacheInfo namedtuple cache_info() returns.
var cacheInfoType = mustNamedtuple("CacheInfo", "functools", "hits", "misses", "maxsize", "currsize")

func (c *lruCache) Type() *py.Type { return lruCacheType }

func (c *lruCache) GetDict() py.StringDict { return c.dict }

func (c *lruCache) info() (py.Object, error) {
	var maxsize py.Object = py.None
	if c.maxsize >= 0 {
		maxsize = py.Int(c.maxsize)
	}
	return newTuple(cacheInfoType, py.Int(c.hits), py.Int(c.misses), maxsize, py.Int(len(c.entries))), nil
}

func newLRUCache(fn py.Object, maxsize int, typed bool) (*lruCache, error) {
	c := &lruCache{fn: fn, maxsize: maxsize, typed: typed, entries: map[string]*list.Element{}, order: list.New(), dict: py.StringDict{}}
	_, err := updateWrapper(c, fn, wrapperAssignments, py.Tuple{})
	return c, err
}

func (c *lruCache) key(args py.Tuple, kwargs py.StringDict) (string, error) {
	var b strings.Builder
	for _, a := range args {
		if err := writeHashKey(&b, a); err != nil {
			return "", err
		}
		if c.typed {
			b.WriteString("@" + a.Type().Name)
		}
		b.WriteByte(',')
	}
	keys, values, _, err := mappingPairs(kwargs)
	if err != nil {
		return "", err
	}
	for i, k := range keys {
		b.WriteString(";" + string(k.(py.String)) + "=")
		if err := writeHashKey(&b, values[i]); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

func (c *lruCache) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if c.maxsize == 0 {
		c.misses++
		return py.Call(c.fn, args, kwargs)
	}
	k, err := c.key(args, kwargs)
	if err != nil {
		return nil, err
	}
	if el, ok := c.entries[k]; ok {
		c.hits++
		c.order.MoveToFront(el)
		return el.Value.(*lruEntry).value, nil
	}
	c.misses++
	v, err := py.Call(c.fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	if _, ok := c.entries[k]; !ok { // the call may have filled it
		c.entries[k] = c.order.PushFront(&lruEntry{key: k, value: v})
		if c.maxsize > 0 && c.order.Len() > c.maxsize {
			oldest := c.order.Back()
			c.order.Remove(oldest)
			delete(c.entries, oldest.Value.(*lruEntry).key)
		}
	}
	return v, nil
}

// M__get__ binds a cached function stored in a class, like a function.
func (c *lruCache) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == py.None || instance == nil {
		return c, nil
	}
	return py.NewBoundMethod(instance, c), nil
}

func functoolsLRUCache(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var maxsize py.Object = py.Int(128)
	var typed py.Object = py.False
	if err := parseArgs("lru_cache", args, kwargs, []string{"maxsize", "typed"}, 0, &maxsize, &typed); err != nil {
		return nil, err
	}
	isTyped, err := truth(typed)
	if err != nil {
		return nil, err
	}
	// @lru_cache without parentheses passes the function itself.
	if _, isFn := maxsize.(py.I__call__); isFn && !isNumber(maxsize) {
		return newLRUCache(maxsize, 128, isTyped)
	}
	size := -1
	if maxsize != py.None {
		if size, err = goInt(maxsize, "maxsize"); err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Expected first argument to be an integer, a callable, or None")
		}
		size = max(size, 0)
	}
	return method("lru_cache", func(_ py.Object, args py.Tuple) (py.Object, error) {
		var fn py.Object
		if err := py.UnpackTuple(args, nil, "decorating_function", 1, 1, &fn); err != nil {
			return nil, err
		}
		return newLRUCache(fn, size, isTyped)
	}, "Decorate a function with the cache."), nil
}

func functoolsCache(self py.Object, fn py.Object) (py.Object, error) {
	return newLRUCache(fn, -1, false)
}

// cachedProperty stores the computed value in the instance dict, which
// gpython looks up before the class, so later reads never reach it.
type cachedProperty struct {
	fn   py.Object
	name string
}

var cachedPropertyType = func() *py.Type {
	t := py.NewTypeX("cached_property", "Cache the result of a method as an instance attribute.", func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		var fn py.Object
		if err := py.UnpackTuple(args, kwargs, "cached_property", 1, 1, &fn); err != nil {
			return nil, err
		}
		name, _ := wrapperAttr(fn, "__name__")
		s, _ := name.(py.String)
		return &cachedProperty{fn: fn, name: string(s)}, nil
	}, nil)
	mustReady(t)
	return t
}()

func (p *cachedProperty) Type() *py.Type { return cachedPropertyType }

func (p *cachedProperty) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return p, nil
	}
	v, err := py.Call(p.fn, py.Tuple{instance}, nil)
	if err != nil {
		return nil, err
	}
	if d, ok := instance.(py.IGetDict); ok && p.name != "" {
		if dict := d.GetDict(); dict != nil {
			dict[p.name] = v
		}
	}
	return v, nil
}

// cmpKey wraps a value so that < and == go through a cmp function.
type cmpKey struct {
	cmp py.Object
	obj py.Object
}

var cmpKeyType = newGoType("functools.KeyWrapper", "Key wrapper made by cmp_to_key.")

func (k *cmpKey) Type() *py.Type { return cmpKeyType }

func functoolsCmpToKey(self py.Object, cmp py.Object) (py.Object, error) {
	return method("K", func(_ py.Object, args py.Tuple) (py.Object, error) {
		var obj py.Object
		if err := py.UnpackTuple(args, nil, "K", 1, 1, &obj); err != nil {
			return nil, err
		}
		return &cmpKey{cmp: cmp, obj: obj}, nil
	}, "Key wrapper made by cmp_to_key."), nil
}

func (k *cmpKey) compare(other py.Object, test func(n py.Object) (py.Object, error)) (py.Object, error) {
	o, ok := other.(*cmpKey)
	if !ok {
		return py.NotImplemented, nil
	}
	n, err := py.Call(k.cmp, py.Tuple{k.obj, o.obj}, nil)
	if err != nil {
		return nil, err
	}
	return test(n)
}

func (k *cmpKey) M__lt__(other py.Object) (py.Object, error) {
	return k.compare(other, func(n py.Object) (py.Object, error) { return py.Lt(n, py.Int(0)) })
}

func (k *cmpKey) M__gt__(other py.Object) (py.Object, error) {
	return k.compare(other, func(n py.Object) (py.Object, error) { return py.Gt(n, py.Int(0)) })
}

func (k *cmpKey) M__le__(other py.Object) (py.Object, error) {
	return k.compare(other, func(n py.Object) (py.Object, error) { return py.Le(n, py.Int(0)) })
}

func (k *cmpKey) M__ge__(other py.Object) (py.Object, error) {
	return k.compare(other, func(n py.Object) (py.Object, error) { return py.Ge(n, py.Int(0)) })
}

func (k *cmpKey) M__eq__(other py.Object) (py.Object, error) {
	return k.compare(other, func(n py.Object) (py.Object, error) { return py.Eq(n, py.Int(0)) })
}
