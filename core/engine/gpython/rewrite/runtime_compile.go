package rewrite

import (
	"github.com/go-python/gpython/py"
)

// compileBuiltin replaces the builtin compile(), which calls gpython's
// compiler directly, so that compile() sees the same rewritten language
// as everything else.
func compileBuiltin(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var source, filename, mode py.Object
	var flags, dontInherit, optimize py.Object = py.Int(0), py.Int(0), py.Int(-1)
	err := py.ParseTupleAndKeywords(args, kwargs, "Oss|iii:compile",
		[]string{"source", "filename", "mode", "flags", "dont_inherit", "optimize"},
		&source, &filename, &mode, &flags, &dontInherit, &optimize)
	if err != nil {
		return nil, err
	}
	if o := optimize.(py.Int); o < -1 || o > 2 {
		return nil, py.ExceptionNewf(py.ValueError, "compile(): invalid optimize value")
	}
	var text string
	switch s := source.(type) {
	case py.String:
		text = string(s)
	case py.Bytes:
		text = string(s)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "compile() arg 1 must be a string, bytes or AST object")
	}
	return py.Compile(text, string(filename.(py.String)), py.CompileMode(mode.(py.String)),
		int(flags.(py.Int)), dontInherit.(py.Int) != 0)
}
