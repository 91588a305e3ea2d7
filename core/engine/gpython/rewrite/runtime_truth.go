package rewrite

import (
	"github.com/go-python/gpython/py"
)

// Truth is Python's truth value of v: what bool(v) answers in CPython.
// Unlike gpython's, an empty bytes is false, and an instance of a class
// is tested with the class's __bool__ or __len__.
func Truth(v py.Object) (bool, error) {
	switch x := v.(type) {
	case py.Bool:
		return bool(x), nil
	case py.NoneType:
		return false, nil
	case py.Bytes:
		return len(x) > 0, nil
	case py.String:
		return len(x) > 0, nil
	case py.Int:
		return x != 0, nil
	case py.Float:
		return x != 0, nil
	case py.Complex:
		return x != 0, nil
	case *py.Type:
		if res, found, err := instanceTruth(x); found {
			return res, err
		}
	}
	res, err := py.MakeBool(v)
	return res == py.True, err
}

// instanceTruth asks an instance's class for __bool__, then __len__;
// found is false when it defines neither (or v is a class).
func instanceTruth(v *py.Type) (res, found bool, err error) {
	if v.Type().IsSubtype(py.TypeType) {
		return false, false, nil
	}
	class := v.Type()
	if fn, ok := class.Lookup("__bool__").(*py.Function); ok {
		out, err := py.Call(fn, py.Tuple{v}, nil)
		if err != nil {
			return false, true, err
		}
		b, ok := out.(py.Bool)
		if !ok {
			return false, true, py.ExceptionNewf(py.TypeError, "__bool__ should return bool, returned %s", out.Type().Name)
		}
		return bool(b), true, nil
	}
	if fn, ok := class.Lookup("__len__").(*py.Function); ok {
		out, err := py.Call(fn, py.Tuple{v}, nil)
		if err != nil {
			return false, true, err
		}
		n, err := py.Index(out)
		if err != nil {
			return false, true, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", out.Type().Name)
		}
		if n < 0 {
			return false, true, py.ExceptionNewf(py.ValueError, "__len__() should return >= 0")
		}
		return n > 0, true, nil
	}
	return false, false, nil
}

// truthHelper is __gowsgi_truth__(v).
func truthHelper(_, v py.Object) (py.Object, error) {
	res, err := Truth(v)
	if err != nil {
		return nil, err
	}
	return py.NewBool(res), nil
}

// falseStandIn replaces, inside an and/or, an operand that is false for
// Python but true for gpython. It never outlives the expression.
type falseStandIn struct{ operand py.Object }

var falseStandInType = py.NewType("false_operand", "an and/or operand that is false")

func (*falseStandIn) Type() *py.Type                { return falseStandInType }
func (*falseStandIn) M__bool__() (py.Object, error) { return py.False, nil }

// operandHelper is __gowsgi_operand__(v): v, or its stand-in when gpython
// would take it for true though it is false.
func operandHelper(_, v py.Object) (py.Object, error) {
	switch x := v.(type) {
	case py.Bytes:
		if len(x) == 0 {
			return &falseStandIn{operand: v}, nil
		}
	case *py.Type:
		res, found, err := instanceTruth(x)
		if err != nil {
			return nil, err
		}
		if found && !res {
			return &falseStandIn{operand: v}, nil
		}
	}
	return v, nil
}

// andResultHelper is __gowsgi_and_result__(v): the operand a stand-in
// replaced, or v.
func andResultHelper(_, v py.Object) (py.Object, error) {
	if s, ok := v.(*falseStandIn); ok {
		return s.operand, nil
	}
	return v, nil
}
