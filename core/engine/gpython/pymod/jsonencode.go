package pymod

import (
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// maxNesting bounds how deep json (and other recursive Go code here) goes
// into nested values, standing in for CPython's recursion limit: Go code
// does not pass through the engine's recursion guard, and a hostile
// request body must not run the stack up.
const maxNesting = 1000

// RecursionError is raised when a value nests deeper than CPython's
// default recursion limit allows. The engine may replace it with its own
// RecursionError type before calling Install; it must subclass
// RuntimeError.
var RecursionError = py.RuntimeError

// jsonEncoder holds json.dumps' options for one call.
type jsonEncoder struct {
	indent        *string // nil: everything on one line
	itemSep       string
	keySep        string
	sortKeys      bool
	skipKeys      bool
	ensureASCII   bool
	checkCircular bool
	allowNaN      bool
	defaultFn     py.Object // called for values json cannot encode; may be nil

	markers map[uintptr]bool
	out     strings.Builder
}

func (e *jsonEncoder) encode(o py.Object) (string, error) {
	if e.checkCircular {
		e.markers = map[uintptr]bool{}
	}
	if err := e.value(o, 0); err != nil {
		return "", err
	}
	return e.out.String(), nil
}

func (e *jsonEncoder) value(o py.Object, level int) error {
	switch v := o.(type) {
	case py.NoneType:
		e.out.WriteString("null")
	case py.Bool:
		if v {
			e.out.WriteString("true")
		} else {
			e.out.WriteString("false")
		}
	case py.Int:
		e.out.WriteString(strconv.FormatInt(int64(v), 10))
	case *py.BigInt:
		e.out.WriteString((*big.Int)(v).String())
	case py.Float:
		s, err := e.float(float64(v))
		if err != nil {
			return err
		}
		e.out.WriteString(s)
	case py.String:
		e.out.WriteString(jsonQuote(string(v), e.ensureASCII))
	case *py.List:
		return e.array(o, v.Items, level)
	case py.Tuple:
		return e.array(o, v, level)
	case *ntuple:
		return e.array(o, v.values, level)
	default:
		if isMapping(o) {
			return e.object(o, level)
		}
		return e.fallback(o, level)
	}
	return nil
}

// fallback hands a value json cannot encode to default=.
func (e *jsonEncoder) fallback(o py.Object, level int) error {
	if e.defaultFn == nil {
		return py.ExceptionNewf(py.TypeError, "Object of type %s is not JSON serializable", o.Type().Name)
	}
	leave, err := e.enter(o, level)
	if err != nil {
		return err
	}
	defer leave()
	replacement, err := py.Call(e.defaultFn, py.Tuple{o}, nil)
	if err != nil {
		return err
	}
	return e.value(replacement, level)
}

// enter marks a container as being encoded, to catch cycles, and bounds
// the nesting.
func (e *jsonEncoder) enter(o py.Object, level int) (func(), error) {
	if level >= maxNesting {
		return nil, py.ExceptionNewf(RecursionError, "maximum recursion depth exceeded while encoding a JSON object")
	}
	id, ok := identity(o)
	if !ok || e.markers == nil {
		return func() {}, nil
	}
	if e.markers[id] {
		return nil, py.ExceptionNewf(py.ValueError, "Circular reference detected")
	}
	e.markers[id] = true
	return func() { delete(e.markers, id) }, nil
}

// identity is the address of a value that can hold itself.
func identity(o py.Object) (uintptr, bool) {
	v := reflect.ValueOf(o)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map:
		return v.Pointer(), true
	}
	return 0, false
}

func (e *jsonEncoder) newline(level int) {
	e.out.WriteByte('\n')
	for i := 0; i < level; i++ {
		e.out.WriteString(*e.indent)
	}
}

func (e *jsonEncoder) array(o py.Object, elems []py.Object, level int) error {
	if len(elems) == 0 {
		e.out.WriteString("[]")
		return nil
	}
	leave, err := e.enter(o, level)
	if err != nil {
		return err
	}
	defer leave()
	e.out.WriteByte('[')
	for i, item := range elems {
		if i > 0 {
			e.out.WriteString(e.itemSep)
		}
		if e.indent != nil {
			e.newline(level + 1)
		}
		if err := e.value(item, level+1); err != nil {
			return err
		}
	}
	if e.indent != nil {
		e.newline(level)
	}
	e.out.WriteByte(']')
	return nil
}

func (e *jsonEncoder) object(o py.Object, level int) error {
	leave, err := e.enter(o, level)
	if err != nil {
		return err
	}
	defer leave()
	keys, values, _, err := mappingPairs(o)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		e.out.WriteString("{}")
		return nil
	}
	if e.sortKeys {
		if err := sortPairs(keys, values); err != nil {
			return err
		}
	}
	e.out.WriteByte('{')
	first := true
	for i, k := range keys {
		name, ok, err := e.key(k)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if !first {
			e.out.WriteString(e.itemSep)
		}
		first = false
		if e.indent != nil {
			e.newline(level + 1)
		}
		e.out.WriteString(jsonQuote(name, e.ensureASCII))
		e.out.WriteString(e.keySep)
		if err := e.value(values[i], level+1); err != nil {
			return err
		}
	}
	if e.indent != nil {
		e.newline(level)
	}
	e.out.WriteByte('}')
	return nil
}

// key converts a dict key to the string json writes; ok is false for a
// key skipped under skipkeys.
func (e *jsonEncoder) key(k py.Object) (string, bool, error) {
	switch v := k.(type) {
	case py.String:
		return string(v), true, nil
	case py.Bool:
		if v {
			return "true", true, nil
		}
		return "false", true, nil
	case py.NoneType:
		return "null", true, nil
	case py.Int:
		return strconv.FormatInt(int64(v), 10), true, nil
	case *py.BigInt:
		return (*big.Int)(v).String(), true, nil
	case py.Float:
		s, err := e.float(float64(v))
		return s, err == nil, err
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, py.ExceptionNewf(py.TypeError, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

func (e *jsonEncoder) float(f float64) (string, error) {
	if !math.IsNaN(f) && !math.IsInf(f, 0) {
		return floatRepr(f), nil
	}
	if !e.allowNaN {
		return "", py.ExceptionNewf(py.ValueError, "Out of range float values are not JSON compliant")
	}
	switch {
	case math.IsNaN(f):
		return "NaN", nil
	case f > 0:
		return "Infinity", nil
	}
	return "-Infinity", nil
}

// sortPairs orders keys (and their values along) with Python's <, as
// sorted(d.items()) does.
func sortPairs(keys, values []py.Object) error {
	return stableSortPairs(keys, values, func(a, b int) (bool, error) { return lessThan(keys[a], keys[b]) })
}

// stableSortPairs reorders keys and values together, stably, by less,
// which compares the pairs at two original positions. The first error
// less returns stops the comparisons and leaves both slices unchanged.
func stableSortPairs(keys, values []py.Object, less func(a, b int) (bool, error)) error {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	var cmpErr error
	sort.SliceStable(idx, func(a, b int) bool {
		if cmpErr != nil {
			return false
		}
		lt, err := less(idx[a], idx[b])
		if err != nil {
			cmpErr = err
		}
		return lt
	})
	if cmpErr != nil {
		return cmpErr
	}
	k2, v2 := make([]py.Object, len(keys)), make([]py.Object, len(values))
	for i, j := range idx {
		k2[i], v2[i] = keys[j], values[j]
	}
	copy(keys, k2)
	copy(values, v2)
	return nil
}

// lessThan is Python's a < b, with CPython's message for unorderable
// types (gpython's differs).
func lessThan(a, b py.Object) (bool, error) {
	if sa, ok := a.(py.String); ok {
		if sb, ok := b.(py.String); ok {
			return sa < sb, nil
		}
	}
	if isNumber(a) != isNumber(b) {
		return false, py.ExceptionNewf(py.TypeError, "'<' not supported between instances of '%s' and '%s'", a.Type().Name, b.Type().Name)
	}
	res, err := py.Lt(a, b)
	if err != nil {
		return false, err
	}
	return res == py.True, nil
}

func isNumber(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Bool, py.Float, *py.BigInt:
		return true
	}
	return false
}

const hexDigits = "0123456789abcdef"

// jsonQuote writes s as a JSON string the way CPython's encoder does:
// with ensureASCII everything outside printable ASCII becomes \uXXXX
// (surrogate pairs above the BMP), otherwise only quotes, backslashes and
// control characters are escaped.
func jsonQuote(s string, ensureASCII bool) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20, ensureASCII && r > 0x7e:
				if r > 0xffff {
					hi, lo := surrogates(r)
					writeU4(&b, hi)
					writeU4(&b, lo)
				} else {
					writeU4(&b, r)
				}
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeU4(b *strings.Builder, r rune) {
	b.WriteString(`\u`)
	b.WriteByte(hexDigits[r>>12&0xf])
	b.WriteByte(hexDigits[r>>8&0xf])
	b.WriteByte(hexDigits[r>>4&0xf])
	b.WriteByte(hexDigits[r&0xf])
}

func surrogates(r rune) (rune, rune) {
	r -= 0x10000
	return 0xd800 + (r>>10)&0x3ff, 0xdc00 + r&0x3ff
}
