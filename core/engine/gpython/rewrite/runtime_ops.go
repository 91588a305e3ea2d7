package rewrite

import (
	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/pyext"
)

// The operator helpers (transform_ops.go): each takes the operands the
// operator had and does what CPython does with them.

type helperFunc = func(self py.Object, args py.Tuple) (py.Object, error)

// binary adapts an operation on two operands to a helper.
func binary(name string, op func(a, b py.Object) (py.Object, error)) helperFunc {
	return func(_ py.Object, args py.Tuple) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.SystemError, "%s expects 2 arguments, got %d", name, len(args))
		}
		return op(args[0], args[1])
	}
}

func comparison(name string, op pyext.CompareOp) helperFunc {
	return binary(name, func(a, b py.Object) (py.Object, error) { return pyext.Compare(a, b, op) })
}

func membership(name string, negate bool) helperFunc {
	return binary(name, func(item, container py.Object) (py.Object, error) {
		in, err := pyext.Contains(container, item)
		return py.NewBool(in != negate), err
	})
}

func sliceHelper(_ py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 4 {
		return nil, py.ExceptionNewf(py.SystemError, "%s expects 4 arguments, got %d", helperSlice, len(args))
	}
	return pyext.Slice(args[0], args[1], args[2], args[3])
}

// operatorHelpers are installed with the other helpers.
var operatorHelpers = []struct {
	name string
	fn   helperFunc
}{
	{helperLt, comparison(helperLt, pyext.OpLt)},
	{helperLe, comparison(helperLe, pyext.OpLe)},
	{helperEq, comparison(helperEq, pyext.OpEq)},
	{helperNe, comparison(helperNe, pyext.OpNe)},
	{helperGt, comparison(helperGt, pyext.OpGt)},
	{helperGe, comparison(helperGe, pyext.OpGe)},
	{helperIn, membership(helperIn, false)},
	{helperNotIn, membership(helperNotIn, true)},
	{helperGetItem, binary(helperGetItem, pyext.GetItem)},
	{helperSlice, sliceHelper},
	{helperMul, binary(helperMul, pyext.Multiply)},
	{helperMod, binary(helperMod, pyext.Modulo)},
	{helperAdd, binary(helperAdd, pyext.Add)},
	{helperIAdd, binary(helperIAdd, pyext.InplaceAdd)},
}
