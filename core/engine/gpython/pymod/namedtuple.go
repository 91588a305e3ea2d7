package pymod

import (
	"strings"
	"unicode"

	"github.com/go-python/gpython/py"
)

// namedtuple classes are real classes (made by type()'s machinery) whose
// instances are Go ntuple values. Their metaclass, ntMeta, lets a Python
// class statement subclass one: the subclass keeps building ntuple
// instances, so inherited fields and tuple behaviour keep working.

// ntuple is an instance of a namedtuple class.
type ntuple struct {
	cls    *py.Type
	values py.Tuple
}

// ntSpec describes a namedtuple class; it sits in the class dict.
type ntSpec struct {
	fields   []string
	defaults py.Tuple // for the last len(defaults) fields
}

const specKey = "__namedtuple_spec__"

var (
	ntSpecType = newGoType("namedtuple_spec", "Field layout of a namedtuple class.")
	ntBaseType = newSubType(py.ObjectType, "tuple", "Base of namedtuple classes.")
	ntMetaType = func() *py.Type {
		t := py.TypeType.NewType("namedtuple_type", "Metaclass of namedtuple classes.", ntMetaNew, nil)
		t.Init = nil
		mustReady(t)
		t.Dict["__getattribute__"] = method("__getattribute__", classGetAttribute, "Look an attribute up on a class and its bases.")
		return t
	}()
)

func (s *ntSpec) Type() *py.Type { return ntSpecType }

func (t *ntuple) Type() *py.Type { return t.cls }

func specOf(cls *py.Type) *ntSpec {
	s, _ := cls.Lookup(specKey).(*ntSpec)
	return s
}

// ntMetaNew runs for `class X(SomePoint):`. __slots__ = () is dropped:
// gpython's type() cannot take it, and instances have no dict anyway.
func ntMetaNew(meta *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 3 {
		if ns, ok := args[2].(py.StringDict); ok {
			ns = ns.Copy()
			delete(ns, "__slots__")
			args = py.Tuple{args[0], args[1], ns}
		}
	}
	obj, err := py.TypeNew(meta, args, kwargs)
	if err != nil {
		return nil, err
	}
	if cls, ok := obj.(*py.Type); ok {
		cls.New, cls.Init = ntNew, nil
	}
	return obj, nil
}

var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))) {
			continue
		}
		return false
	}
	return true
}

func namedtupleFactory(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var typename, fieldNames py.Object
	var rename py.Object = py.False
	var defaults, module py.Object = py.None, py.None
	if err := parseArgs("namedtuple", args, kwargs, []string{"typename", "field_names", "rename", "defaults", "module"}, 2,
		&typename, &fieldNames, &rename, &defaults, &module); err != nil {
		return nil, err
	}
	name, err := strArg(typename, "typename")
	if err != nil {
		return nil, err
	}
	fields, err := fieldList(fieldNames)
	if err != nil {
		return nil, err
	}
	doRename, err := truth(rename)
	if err != nil {
		return nil, err
	}
	if err := checkFieldNames(name, fields, doRename); err != nil {
		return nil, err
	}
	spec := &ntSpec{fields: fields}
	if defaults != py.None {
		d, err := items(defaults)
		if err != nil {
			return nil, err
		}
		if len(d) > len(fields) {
			return nil, py.ExceptionNewf(py.TypeError, "Got more default values than field names")
		}
		spec.defaults = append(py.Tuple(nil), d...)
	}
	moduleName := py.Object(py.String("__main__"))
	if module != py.None {
		moduleName = module
	}
	return newNamedtuple(name, spec, moduleName)
}

// newNamedtuple makes the class for a checked field layout.
func newNamedtuple(name string, spec *ntSpec, module py.Object) (*py.Type, error) {
	ns, err := namedtupleNamespace(name, spec, module)
	if err != nil {
		return nil, err
	}
	obj, err := py.TypeNew(ntMetaType, py.Tuple{py.String(name), py.Tuple{ntBaseType}, ns}, nil)
	if err != nil {
		return nil, err
	}
	cls := obj.(*py.Type)
	cls.New, cls.Init = ntNew, nil
	return cls, nil
}

// mustNamedtuple makes one of this package's own result types.
func mustNamedtuple(name, module string, fields ...string) *py.Type {
	cls, err := newNamedtuple(name, &ntSpec{fields: fields}, py.String(module))
	if err != nil {
		panic("pymod: making namedtuple " + name + ": " + err.Error())
	}
	return cls
}

// newTuple makes an instance of one of this package's namedtuples.
func newTuple(cls *py.Type, values ...py.Object) *ntuple {
	return &ntuple{cls: cls, values: values}
}

// fieldList accepts "x y", "x, y" or an iterable of names.
func fieldList(o py.Object) ([]string, error) {
	if s, ok := o.(py.String); ok {
		return strings.Fields(strings.ReplaceAll(string(s), ",", " ")), nil
	}
	objs, err := items(o)
	if err != nil {
		return nil, err
	}
	fields := make([]string, len(objs))
	for i, f := range objs {
		if fields[i], err = strArg(f, "field name"); err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Type names and field names must be strings")
		}
	}
	return fields, nil
}

func checkFieldNames(typename string, fields []string, rename bool) error {
	if rename {
		seen := map[string]bool{}
		for i, f := range fields {
			if !isIdentifier(f) || pythonKeywords[f] || strings.HasPrefix(f, "_") || seen[f] {
				fields[i] = "_" + itoa(i)
			}
			seen[fields[i]] = true
		}
	}
	for _, n := range append([]string{typename}, fields...) {
		if !isIdentifier(n) {
			return py.ExceptionNewf(py.ValueError, "Type names and field names must be valid identifiers: %s", quoteRepr(n))
		}
		if pythonKeywords[n] {
			return py.ExceptionNewf(py.ValueError, "Type names and field names cannot be a keyword: %s", quoteRepr(n))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return py.ExceptionNewf(py.ValueError, "Field names cannot start with an underscore: %s", quoteRepr(f))
		}
		if seen[f] {
			return py.ExceptionNewf(py.ValueError, "Encountered duplicate field name: %s", quoteRepr(f))
		}
		seen[f] = true
	}
	return nil
}

// quoteRepr is repr() of a str with no quotes or escapes inside, the
// common case in error messages.
func quoteRepr(s string) string {
	r, err := reprOf(py.String(s))
	if err != nil {
		return "'" + s + "'"
	}
	return r
}

func namedtupleNamespace(name string, spec *ntSpec, module py.Object) (py.StringDict, error) {
	fieldObjs := make(py.Tuple, len(spec.fields))
	for i, f := range spec.fields {
		fieldObjs[i] = py.String(f)
	}
	first := len(spec.fields) - len(spec.defaults)
	defaults, err := makeDict(fieldObjs[first:], spec.defaults)
	if err != nil {
		return nil, err
	}
	ns := py.StringDict{
		"__module__":      module,
		"__qualname__":    py.String(name),
		"__doc__":         py.String(name + "(" + strings.Join(spec.fields, ", ") + ")"),
		specKey:           spec,
		"_fields":         fieldObjs,
		"_field_defaults": defaults,
		"__match_args__":  fieldObjs,
		"_asdict":         goMethod0("_asdict", (*ntuple).asDict, "Return a new dict which maps field names to their values."),
		"_replace":        goMethod("_replace", (*ntuple).replace, "Return a new "+name+" object replacing specified fields with new values"),
		"count":           goMethod1("count", (*ntuple).count, "Return number of occurrences of value."),
		"index":           goMethod1("index", (*ntuple).index, "Return first index of value."),
		// A class method: classGetAttribute and instance lookup bind it to
		// the class it is reached through, a subclass included.
		"_make": &py.ClassMethod{Callable: method("_make", ntMake, "Make a new "+name+" object from a sequence or iterable"), Dict: py.StringDict{}},
		"__getnewargs__": goMethod0("__getnewargs__", func(t *ntuple) (py.Object, error) {
			return t.values, nil
		}, "Return self as a plain tuple."),
	}
	for i, f := range spec.fields {
		ns[f] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				if t, ok := self.(*ntuple); ok && i < len(t.values) {
					return t.values[i], nil
				}
				return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", self.Type().Name, f)
			},
			Doc: "Alias for field number " + itoa(i),
		}
	}
	return ns, nil
}

// ntNew binds constructor arguments to fields, as the generated
// __new__(_cls, x, y) of CPython's namedtuple does.
func ntNew(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	spec := specOf(cls)
	if spec == nil {
		return nil, py.ExceptionNewf(py.TypeError, "%s is not a namedtuple class", cls.Name)
	}
	n := len(spec.fields)
	fname := cls.Name + ".__new__()"
	if len(args) > n {
		return nil, py.ExceptionNewf(py.TypeError, "%s takes %d positional arguments but %d were given", fname, n+1, len(args)+1)
	}
	values := make(py.Tuple, n)
	copy(values, args)
	for k, v := range kwargs {
		i := indexOf(spec.fields, k)
		switch {
		case i < 0:
			return nil, py.ExceptionNewf(py.TypeError, "%s got an unexpected keyword argument '%s'", fname, k)
		case i < len(args):
			return nil, py.ExceptionNewf(py.TypeError, "%s got multiple values for argument '%s'", fname, k)
		}
		values[i] = v
	}
	first := n - len(spec.defaults)
	var missing []string
	for i := range values {
		if values[i] != nil {
			continue
		}
		if i >= first {
			values[i] = spec.defaults[i-first]
			continue
		}
		missing = append(missing, "'"+spec.fields[i]+"'")
	}
	if len(missing) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "%s missing %d required positional argument%s: %s",
			fname, len(missing), plural(len(missing)), joinEnglish(missing))
	}
	return &ntuple{cls: cls, values: values}, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// joinEnglish writes 'a', 'b' and 'c' as CPython's argument errors do.
func joinEnglish(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func ntMake(self py.Object, args py.Tuple) (py.Object, error) {
	cls, ok := self.(*py.Type)
	if !ok || specOf(cls) == nil {
		return nil, py.ExceptionNewf(py.TypeError, "_make() must be called on a namedtuple class")
	}
	var iterable py.Object
	if err := py.UnpackTuple(args, nil, "_make", 1, 1, &iterable); err != nil {
		return nil, err
	}
	values, err := items(iterable)
	if err != nil {
		return nil, err
	}
	if spec := specOf(cls); len(values) != len(spec.fields) {
		return nil, py.ExceptionNewf(py.TypeError, "Expected %d arguments, got %d", len(spec.fields), len(values))
	}
	return &ntuple{cls: cls, values: append(py.Tuple(nil), values...)}, nil
}

func (t *ntuple) fields() []string { return specOf(t.cls).fields }

func (t *ntuple) asDict() (py.Object, error) {
	keys := make([]py.Object, len(t.values))
	for i, f := range t.fields() {
		keys[i] = py.String(f)
	}
	return makeDict(keys, t.values)
}

func (t *ntuple) replace(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "_replace() takes 1 positional argument but %d were given", len(args)+1)
	}
	values := append(py.Tuple(nil), t.values...)
	var unknown []py.Object
	for k, v := range kwargs {
		i := indexOf(t.fields(), k)
		if i < 0 {
			unknown = append(unknown, py.String(k))
			continue
		}
		values[i] = v
	}
	if len(unknown) > 0 {
		r, _ := reprOf(newList(unknown))
		return nil, py.ExceptionNewf(py.ValueError, "Got unexpected field names: %s", r)
	}
	return &ntuple{cls: t.cls, values: values}, nil
}

func (t *ntuple) count(x py.Object) (py.Object, error) {
	n := 0
	for _, v := range t.values {
		eq, err := equal(v, x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.Int(n), nil
}

func (t *ntuple) index(x py.Object) (py.Object, error) {
	for i, v := range t.values {
		if eq, err := equal(v, x); err != nil || eq {
			return py.Int(i), err
		}
	}
	return nil, py.ExceptionNewf(py.ValueError, "tuple.index(x): x not in tuple")
}
