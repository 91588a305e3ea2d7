package pydict

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"math/big"
	"reflect"

	"github.com/go-python/gpython/py"
)

// Keys are hashed and compared by Python's rules: equal numbers are one
// key whatever their type (1 == 1.0 == True), tuples by their items, str
// and bytes by content, instances of classes by their __hash__ and __eq__
// or else by identity, everything else by identity.

var (
	strSeed   = maphash.MakeSeed()
	bytesSeed = maphash.MakeSeed()
	bigSeed   = maphash.MakeSeed()
)

const (
	noneHash  = 0x5bd1e995
	tupleSeed = 0x345678
)

// unhashable is CPython's error for a key that cannot be hashed.
func unhashable(key py.Object) error {
	return py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", key.Type().Name)
}

// Hash returns the hash of key as a dict uses it, or a TypeError when
// key cannot be a dict key.
func Hash(key py.Object) (uint64, error) {
	switch k := key.(type) {
	case py.String:
		return maphash.String(strSeed, string(k)), nil
	case py.Int:
		return mixInt(int64(k)), nil
	case py.Bool:
		if k {
			return mixInt(1), nil
		}
		return mixInt(0), nil
	case py.Float:
		return hashFloat(float64(k)), nil
	case *py.BigInt:
		return hashBig((*big.Int)(k)), nil
	case py.Complex:
		if imag(k) == 0 {
			return hashFloat(real(k)), nil
		}
		return hashFloat(real(k)) ^ mixInt(int64(math.Float64bits(imag(k)))), nil
	case py.Bytes:
		return maphash.Bytes(bytesSeed, k), nil
	case py.NoneType:
		return noneHash, nil
	case py.Tuple:
		h := uint64(tupleSeed)
		for _, item := range k {
			ih, err := Hash(item)
			if err != nil {
				return 0, err
			}
			h = (h ^ ih) * 1000003
		}
		return h ^ uint64(len(k)), nil
	case *py.FrozenSet:
		return hashFrozenSet(k)
	case *py.List, py.StringDict, *Dict, *py.Set:
		return 0, unhashable(key)
	case *py.Type:
		return hashInstance(k)
	}
	if h, ok := key.(py.I__hash__); ok {
		res, err := h.M__hash__()
		if err != nil {
			return 0, err
		}
		return hashResult(res)
	}
	return identityHash(key)
}

// mixInt spreads an integer's bits so nearby integers do not share
// buckets of the index.
func mixInt(v int64) uint64 {
	x := uint64(v)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

func hashFloat(f float64) uint64 {
	switch {
	case f != math.Trunc(f) || math.IsInf(f, 0):
		return mixInt(int64(math.Float64bits(f)))
	case f >= math.MinInt64 && f < math.MaxInt64:
		return mixInt(int64(f)) // 2.0 is the key 2
	}
	b, _ := big.NewFloat(f).Int(nil) // 2.0**70 is the key 2**70
	return hashBig(b)
}

func hashBig(b *big.Int) uint64 {
	if b.IsInt64() {
		return mixInt(b.Int64())
	}
	var h maphash.Hash
	h.SetSeed(bigSeed)
	h.Write(b.Bytes())
	return h.Sum64() ^ uint64(b.Sign())
}

// hashFrozenSet combines the item hashes independently of their order.
func hashFrozenSet(s *py.FrozenSet) (uint64, error) {
	var h, n uint64
	var itemErr error
	err := py.Iterate(s, func(item py.Object) bool {
		var ih uint64
		ih, itemErr = Hash(item)
		h += ih * 0x9e3779b97f4a7c15
		n++
		return itemErr != nil
	})
	if err == nil {
		err = itemErr
	}
	return h ^ n, err
}

// hashInstance hashes an instance of a Python class with its __hash__.
// A class that defines __eq__ without __hash__ is unhashable, as in
// Python 3; one that defines neither hashes by identity. A class itself
// hashes by identity.
func hashInstance(t *py.Type) (uint64, error) {
	if isClass(t) {
		return identityHash(t)
	}
	class := t.Type()
	hashFn := class.Lookup("__hash__")
	if hashFn == py.None {
		return 0, unhashable(t)
	}
	if fn, ok := hashFn.(*py.Function); ok {
		res, err := py.Call(fn, py.Tuple{t}, nil)
		if err != nil {
			return 0, err
		}
		return hashResult(res)
	}
	if _, ok := class.Lookup("__eq__").(*py.Function); ok {
		return 0, unhashable(t)
	}
	return identityHash(t)
}

// isClass tells a class from an instance: gpython represents both as
// *py.Type.
func isClass(t *py.Type) bool {
	return t.Type().IsSubtype(py.TypeType)
}

func hashResult(res py.Object) (uint64, error) {
	switch v := res.(type) {
	case py.Int:
		return mixInt(int64(v)), nil
	case py.Bool:
		return hashResult(py.Int(boolInt(bool(v))))
	case *py.BigInt:
		return hashBig((*big.Int)(v)), nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "__hash__ method should return an integer")
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// identityHash hashes an object by identity: its address, or for a value
// that has none, its type and printed value.
func identityHash(key py.Object) (uint64, error) {
	v := reflect.ValueOf(key)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return mixInt(int64(v.Pointer())), nil
	}
	if !v.Type().Comparable() {
		return 0, unhashable(key)
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], uint64(v.Kind()))
	return maphash.String(strSeed, fmt.Sprintf("%T\x00%v", key, key)) ^ binary.LittleEndian.Uint64(buf[:]), nil
}

// Equal compares two keys as a dict does: identity first, then Python
// equality.
func Equal(a, b py.Object) (bool, error) {
	switch x := a.(type) {
	case py.String:
		y, ok := b.(py.String)
		return ok && x == y, nil
	case py.Int, py.Bool, py.Float, *py.BigInt, py.Complex:
		return numbersEqual(a, b)
	case py.Bytes:
		y, ok := b.(py.Bytes)
		return ok && bytes.Equal(x, y), nil
	case py.Tuple:
		y, ok := b.(py.Tuple)
		if !ok || len(x) != len(y) {
			return false, nil
		}
		for i := range x {
			eq, err := Equal(x[i], y[i])
			if err != nil || !eq {
				return false, err
			}
		}
		return true, nil
	case py.NoneType:
		return b == py.None, nil
	case *py.Type:
		return instancesEqual(x, b)
	}
	if sameIdentity(a, b) {
		return true, nil
	}
	return richEqual(a, b)
}

func numbersEqual(a, b py.Object) (bool, error) {
	switch b.(type) {
	case py.Int, py.Bool, py.Float, *py.BigInt, py.Complex:
		return richEqual(a, b)
	}
	return false, nil
}

// instancesEqual compares an instance of a Python class with its
// __eq__; gpython's == ignores it.
func instancesEqual(x *py.Type, b py.Object) (bool, error) {
	if y, ok := b.(*py.Type); ok && x == y {
		return true, nil
	}
	if isClass(x) {
		return false, nil
	}
	eq, ok := x.Type().Lookup("__eq__").(*py.Function)
	if !ok {
		return false, nil
	}
	res, err := py.Call(eq, py.Tuple{x, b}, nil)
	if err != nil || res == py.NotImplemented {
		return false, err
	}
	truth, err := py.MakeBool(res)
	return truth == py.True, err
}

func sameIdentity(a, b py.Object) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() || !va.Type().Comparable() {
		return false
	}
	return a == b
}

func richEqual(a, b py.Object) (bool, error) {
	res, err := py.Eq(a, b)
	if err != nil {
		return false, err
	}
	return res == py.True, nil
}
