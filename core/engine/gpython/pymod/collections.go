package pymod

import (
	"github.com/go-python/gpython/py"
)

// collections: OrderedDict, defaultdict, Counter, namedtuple and deque.
// gpython cannot make Python subclasses of Go types hold Go state, so
// these classes cannot be subclassed (namedtuple classes can, see
// namedtuple.go).

var orderedDictType, defaultDictType, counterType *py.Type

func init() {
	orderedDictType = newMappingType("OrderedDict", "Dictionary that remembers insertion order", newOrderedDict,
		odictMethod("move_to_end", odictMoveToEnd, "Move an existing element to the end (or beginning if last is false)."),
		odictMethod("popitem", odictPopitemOrdered, "Remove and return a (key, value) pair from the dictionary; last-in first-out if last is true."),
	)
	defaultDictType = newMappingType("defaultdict", "defaultdict(default_factory=None, /, [...]) --> dict with default factory", newDefaultDict,
		odictMethod("__missing__", defaultDictMissing, "__missing__(key): set self[key] to default_factory() and return it, or raise KeyError if default_factory is None."),
	)
	defaultDictType.Dict["default_factory"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if d, ok := self.(*odict); ok {
				return d.factory, nil
			}
			return py.None, nil
		},
		Fset: func(self, value py.Object) error {
			if d, ok := self.(*odict); ok {
				d.factory = value
			}
			return nil
		},
	}
	counterType = newMappingType("Counter", "Dict subclass for counting hashable items.", newCounter,
		odictMethod("update", counterUpdate, "Like dict.update() but add counts instead of replacing them."),
		odictMethod("subtract", counterSubtract, "Like dict.update() but subtracts counts instead of replacing them."),
		odictMethod("most_common", counterMostCommon, "List the n most common elements and their counts from the most common to the least."),
		odictMethod("elements", counterElements, "Iterator over elements repeating each as many times as its count."),
		odictMethod("total", counterTotal, "Sum of the counts."),
	)
}

func collectionsModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "collections", Doc: "Specialized container datatypes."},
		Methods: []*py.Method{
			method("namedtuple", namedtupleFactory, "namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) -> a new tuple subclass with named fields"),
		},
		Globals: py.StringDict{
			"OrderedDict": orderedDictType,
			"defaultdict": defaultDictType,
			"Counter":     counterType,
			"deque":       dequeType,
		},
	}
}

// newMappingType makes one of the odict-backed classes with the methods
// they all share plus its own (which win over the shared ones).
func newMappingType(name, doc string, ctor py.NewFunc, own ...*py.Method) *py.Type {
	t := py.NewTypeX(name, doc, ctor, nil)
	mustReady(t)
	addMethods(t,
		odictMethod("keys", func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return &odictView{d: d, kind: viewKeys}, noArgs("keys", args, kwargs)
		}, "D.keys() -> a set-like object providing a view on D's keys"),
		odictMethod("values", func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return &odictView{d: d, kind: viewValues}, noArgs("values", args, kwargs)
		}, "D.values() -> an object providing a view on D's values"),
		odictMethod("items", func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return &odictView{d: d, kind: viewItems}, noArgs("items", args, kwargs)
		}, "D.items() -> a set-like object providing a view on D's items"),
		odictMethod("get", odictGet, "Return the value for key if key is in the dictionary, else default."),
		odictMethod("pop", odictPop, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."),
		odictMethod("popitem", odictPopitem, "Remove and return a (key, value) pair as a 2-tuple, last in first out."),
		odictMethod("setdefault", odictSetdefault, "Insert key with a value of default if key is not in the dictionary."),
		odictMethod("update", odictUpdate, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."),
		odictMethod("clear", func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			d.clear()
			return py.None, noArgs("clear", args, kwargs)
		}, "D.clear() -> None.  Remove all items from D."),
		odictMethod("copy", func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return d.copyOf(), noArgs("copy", args, kwargs)
		}, "D.copy() -> a shallow copy of D"),
		method("fromkeys", func(self py.Object, args py.Tuple) (py.Object, error) {
			return odictFromkeys(t, args)
		}, "Create a new dictionary with keys from iterable and values set to value."),
	)
	addMethods(t, own...)
	return t
}

func odictMethod(name string, fn func(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error), doc string) *py.Method {
	return goMethod(name, fn, doc)
}

func noArgs(name string, args py.Tuple, kwargs py.StringDict) error {
	if len(args) > 0 || len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", name, len(args)+len(kwargs))
	}
	return nil
}

func newOrderedDict(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := newOdict(orderedDictType)
	return d, d.update(args, kwargs, d.set)
}

func newDefaultDict(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := newOdict(defaultDictType)
	if len(args) > 0 {
		d.factory = args[0]
		args = args[1:]
		if d.factory != py.None {
			if _, ok := d.factory.(py.I__call__); !ok {
				return nil, py.ExceptionNewf(py.TypeError, "first argument must be callable or None")
			}
		}
	}
	return d, d.update(args, kwargs, d.set)
}

func newCounter(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := newOdict(counterType)
	_, err := counterUpdate(d, args, kwargs)
	return d, err
}

func odictGet(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key py.Object
	var def py.Object = py.None
	if err := py.UnpackTuple(args, kwargs, "get", 1, 2, &key, &def); err != nil {
		return nil, err
	}
	v, ok, err := d.lookup(key)
	if err != nil || !ok {
		return def, err
	}
	return v, nil
}

func odictPop(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, def py.Object
	if err := py.UnpackTuple(args, kwargs, "pop", 1, 2, &key, &def); err != nil {
		return nil, err
	}
	v, ok, err := d.remove(key)
	switch {
	case err != nil:
		return nil, err
	case ok:
		return v, nil
	case def != nil:
		return def, nil
	}
	return nil, keyError(key)
}

func odictPopitem(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noArgs("popitem", args, kwargs); err != nil {
		return nil, err
	}
	i := d.end(true)
	if i < 0 {
		return nil, keyError(py.String("popitem(): dictionary is empty"))
	}
	e := d.entries[i]
	d.drop(i)
	return py.Tuple{e.key, e.value}, nil
}

func odictPopitemOrdered(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var last py.Object = py.True
	if err := parseArgs("popitem", args, kwargs, []string{"last"}, 0, &last); err != nil {
		return nil, err
	}
	fromEnd, err := truth(last)
	if err != nil {
		return nil, err
	}
	i := d.end(fromEnd)
	if i < 0 {
		return nil, keyError(py.String("dictionary is empty"))
	}
	e := d.entries[i]
	d.drop(i)
	return py.Tuple{e.key, e.value}, nil
}

func odictSetdefault(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key py.Object
	var def py.Object = py.None
	if err := py.UnpackTuple(args, kwargs, "setdefault", 1, 2, &key, &def); err != nil {
		return nil, err
	}
	v, ok, err := d.lookup(key)
	if err != nil || ok {
		return v, err
	}
	return def, d.set(key, def)
}

func odictUpdate(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.None, d.update(args, kwargs, d.set)
}

func odictFromkeys(t *py.Type, args py.Tuple) (py.Object, error) {
	if t == counterType {
		return nil, py.ExceptionNewf(py.NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
	}
	var iterable py.Object
	var value py.Object = py.None
	if err := py.UnpackTuple(args, nil, "fromkeys", 1, 2, &iterable, &value); err != nil {
		return nil, err
	}
	d := newOdict(t)
	var setErr error
	err := py.Iterate(iterable, func(k py.Object) bool {
		setErr = d.set(k, value)
		return setErr != nil
	})
	if err != nil {
		return nil, err
	}
	return d, setErr
}

func odictMoveToEnd(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key py.Object
	var last py.Object = py.True
	if err := parseArgs("move_to_end", args, kwargs, []string{"key", "last"}, 1, &key, &last); err != nil {
		return nil, err
	}
	toEnd, err := truth(last)
	if err != nil {
		return nil, err
	}
	ok, err := d.moveToEnd(key, toEnd)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, keyError(key)
	}
	return py.None, nil
}

func defaultDictMissing(d *odict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key py.Object
	if err := py.UnpackTuple(args, kwargs, "__missing__", 1, 1, &key); err != nil {
		return nil, err
	}
	return d.missing(key)
}
