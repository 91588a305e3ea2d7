package pyext

import (
	"github.com/go-python/gpython/py"
)

// installTupleMethods adds tuple.index and tuple.count, which gpython's
// tuple lacks; they search as list's do.
func installTupleMethods() {
	setMethod(py.TupleType, "index", "T.index(value, [start, [stop]]) -> integer -- return first index of value.",
		methodOf("tuple", "index", func(t py.Tuple, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return listIndexIn("tuple", t, args, kwargs)
		}))
	setMethod(py.TupleType, "count", "T.count(value) -> integer -- return number of occurrences of value",
		methodOf("tuple", "count", func(t py.Tuple, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return countIn("tuple", t, args, kwargs)
		}))
}
