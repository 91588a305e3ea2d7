package rewrite

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
	"github.com/gowsgi/gowsgi/core/engine/gpython/rewrite/pydict"
)

// gpython has no hash() builtin, which every user-defined __hash__ calls
// (return hash((self.x, self.y))). This one agrees with the dict's key
// equality: equal numbers hash alike, and ints and floats hash to the
// values CPython gives them.

// hashModulus is CPython's modulus for numeric hashes, 2**61 - 1.
const hashModulus = 1<<61 - 1

func hashBuiltin(_, obj py.Object) (py.Object, error) {
	switch v := obj.(type) {
	case py.Int:
		return py.Int(intHash(big.NewInt(int64(v)))), nil
	case py.Bool:
		if v {
			return py.Int(1), nil
		}
		return py.Int(0), nil
	case *py.BigInt:
		return py.Int(intHash((*big.Int)(v))), nil
	case py.Float:
		return py.Int(floatHash(float64(v))), nil
	}
	h, err := pydict.Hash(obj)
	if err != nil {
		return nil, err
	}
	return py.Int(fixMinusOne(int64(h >> 1))), nil
}

// intHash is n modulo 2**61 - 1, keeping n's sign.
func intHash(n *big.Int) int64 {
	abs := new(big.Int).Abs(n)
	h := new(big.Int).Mod(abs, big.NewInt(hashModulus)).Int64()
	if n.Sign() < 0 {
		h = -h
	}
	return fixMinusOne(h)
}

// floatHash is a float's value modulo 2**61 - 1, which equals intHash for
// integral floats.
func floatHash(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return 314159
	case math.IsInf(f, -1):
		return -314159
	case math.IsNaN(f):
		return 0
	}
	sign := int64(1)
	if f < 0 {
		sign, f = -1, -f
	}
	m, e := math.Frexp(f) // f = m * 2**e, 0.5 <= m < 1
	var h uint64
	for m != 0 {
		// Take 28 more bits of the mantissa, rotating what is there.
		h = ((h << 28) & hashModulus) | h>>(61-28)
		m *= 1 << 28
		e -= 28
		bits := uint64(m)
		m -= float64(bits)
		h += bits
		if h >= hashModulus {
			h -= hashModulus
		}
	}
	// Multiply by 2**e modulo 2**61 - 1: a rotation of 61 bits.
	shift := e % 61
	if shift < 0 {
		shift += 61
	}
	h = ((h << uint(shift)) & hashModulus) | h>>(61-uint(shift))
	return fixMinusOne(sign * int64(h))
}

// fixMinusOne avoids -1, which CPython reserves for errors.
func fixMinusOne(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}
