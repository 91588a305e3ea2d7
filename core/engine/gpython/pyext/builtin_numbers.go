package pyext

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
)

func builtinSum(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "sum() takes at least 1 positional argument (0 given)")
	}
	var iterable, start py.Object = nil, py.Int(0)
	if err := unpack("sum", args, kwargs, 1, []string{"iterable", "start"}, true, &iterable, &start); err != nil {
		return nil, err
	}
	switch start.(type) {
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	case py.Bytes:
		return nil, py.ExceptionNewf(py.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]")
	}
	total := start
	err := iterate(iterable, func(item py.Object) (bool, error) {
		var err error
		total, err = py.Add(total, item)
		return err == nil, err
	})
	if err != nil {
		return nil, err
	}
	return total, nil
}

func builtinRound(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var number, ndigits py.Object = nil, py.None
	if err := unpack("round", args, kwargs, 1, []string{"number", "ndigits"}, true, &number, &ndigits); err != nil {
		return nil, err
	}
	var n int
	if ndigits != py.None {
		var err error
		if n, err = toInt(ndigits); err != nil {
			return nil, err
		}
	}
	switch v := boolAsInt(number).(type) {
	case py.Int:
		return roundInt(big.NewInt(int64(v)), n, ndigits == py.None), nil
	case *py.BigInt:
		return roundInt((*big.Int)(v), n, ndigits == py.None), nil
	case py.Float:
		if ndigits == py.None {
			return roundFloatToInt(float64(v))
		}
		return py.Float(roundFloat(float64(v), n)), nil
	}
	if res, found, err := callSpecial(number, "__round__", roundArgs(ndigits)...); found {
		return res, err
	}
	return nil, py.ExceptionNewf(py.TypeError, "type %s doesn't define __round__ method", typeName(number))
}

func roundArgs(ndigits py.Object) []py.Object {
	if ndigits == py.None {
		return nil
	}
	return []py.Object{ndigits}
}

// roundInt rounds to a multiple of 10**-n, half to even; n >= 0 (or no
// ndigits) leaves the int as it is.
func roundInt(v *big.Int, n int, noDigits bool) py.Object {
	if noDigits || n >= 0 {
		return intObject(new(big.Int).Set(v))
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
	q := roundHalfEven(new(big.Rat).SetFrac(v, scale))
	return intObject(q.Mul(q, scale))
}

// roundFloatToInt is round(x) for a float: the nearest int, ties to even.
func roundFloatToInt(x float64) (py.Object, error) {
	switch {
	case math.IsNaN(x):
		return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
	case math.IsInf(x, 0):
		return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
	}
	i, _ := big.NewFloat(math.RoundToEven(x)).Int(nil)
	return intObject(i), nil
}

// roundFloat is round(x, n): the float nearest to x rounded exactly (on
// its binary value, ties to even) to n decimal places, so that
// round(2.675, 2) is 2.67 as in CPython.
func roundFloat(x float64, n int) float64 {
	const maxDigits, minDigits = 323, -308
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || x == 0 || n > maxDigits:
		return x
	case n < minDigits:
		return math.Copysign(0, x)
	}
	exact := new(big.Rat).SetFloat64(x)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(n))), nil))
	if n >= 0 {
		exact.Mul(exact, scale)
	} else {
		exact.Quo(exact, scale)
	}
	rounded := new(big.Rat).SetInt(roundHalfEven(exact))
	if n >= 0 {
		rounded.Quo(rounded, scale)
	} else {
		rounded.Mul(rounded, scale)
	}
	f, _ := rounded.Float64()
	if f == 0 {
		return math.Copysign(0, x)
	}
	return f
}

// roundHalfEven rounds r to the nearest integer, ties to even.
func roundHalfEven(r *big.Rat) *big.Int {
	q, m := new(big.Int).DivMod(r.Num(), r.Denom(), new(big.Int))
	switch new(big.Int).Lsh(m, 1).Cmp(r.Denom()) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// intObject is v as gpython holds ints: Int when it fits, else BigInt.
func intObject(v *big.Int) py.Object {
	if v.IsInt64() {
		return py.Int(v.Int64())
	}
	return (*py.BigInt)(v)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// builtinAbs adds bools, which gpython's abs() rejects, and a Python
// class's __abs__.
func builtinAbs(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var x py.Object
	if err := unpack("abs", args, kwargs, 1, []string{"x"}, false, &x); err != nil {
		return nil, err
	}
	if res, found, err := callSpecial(x, "__abs__"); found {
		return res, err
	}
	return py.Abs(boolAsInt(x))
}
