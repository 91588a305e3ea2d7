package pymod

import (
	"crypto/subtle"
	"encoding/hex"
	"hash"

	"github.com/go-python/gpython/py"
)

// hmac: keyed hashing over the hashlib algorithms, and compare_digest.

// hmacObject computes HMAC with the inner hash state kept as a hashlib
// hash, which can be copied; Go's crypto/hmac state cannot.
type hmacObject struct {
	algo  hashAlgo
	outer []byte // the key XOR opad
	inner hash.Hash
}

func newHMAC(algo hashAlgo, key []byte) *hmacObject {
	size := algo.new().BlockSize()
	if len(key) > size {
		h := algo.new()
		h.Write(key)
		key = h.Sum(nil)
	}
	padded := make([]byte, size)
	copy(padded, key)
	o := &hmacObject{algo: algo, outer: make([]byte, size), inner: algo.new()}
	ipad := make([]byte, size)
	for i, b := range padded {
		ipad[i] = b ^ 0x36
		o.outer[i] = b ^ 0x5c
	}
	o.inner.Write(ipad)
	return o
}

func (o *hmacObject) sum() []byte {
	h := o.algo.new()
	h.Write(o.outer)
	h.Write(o.inner.Sum(nil))
	return h.Sum(nil)
}

var hmacType = func() *py.Type {
	t := newGoType("HMAC", "RFC 2104 HMAC class.")
	addMethods(t,
		goMethod1("update", func(o *hmacObject, data py.Object) (py.Object, error) {
			b, err := hashInput(data)
			if err != nil {
				return nil, err
			}
			o.inner.Write(b)
			return py.None, nil
		}, "Feed data from msg into this hashing object."),
		goMethod0("digest", func(o *hmacObject) (py.Object, error) { return py.Bytes(o.sum()), nil }, "Return the hash value of this hashing object."),
		goMethod0("hexdigest", func(o *hmacObject) (py.Object, error) { return py.String(hex.EncodeToString(o.sum())), nil }, "Like digest(), but returns a string of hexadecimal digits instead."),
		goMethod0("copy", (*hmacObject).copy, "Return a separate copy of this hashing object."),
	)
	addGetterOf(t, "name", func(recv *hmacObject) (py.Object, error) { return py.String("hmac-" + recv.algo.name), nil })
	addGetterOf(t, "digest_size", func(recv *hmacObject) (py.Object, error) { return py.Int(recv.inner.Size()), nil })
	addGetterOf(t, "block_size", func(recv *hmacObject) (py.Object, error) { return py.Int(recv.inner.BlockSize()), nil })
	return t
}()

func (o *hmacObject) Type() *py.Type { return hmacType }

func (o *hmacObject) copy() (py.Object, error) {
	inner, err := copyHash(o.algo, o.inner)
	if err != nil {
		return nil, err
	}
	return &hmacObject{algo: o.algo, outer: o.outer, inner: inner}, nil
}

func hmacModule() *py.ModuleImpl {
	return &py.ModuleImpl{
		Info: py.ModuleInfo{Name: "hmac", Doc: "HMAC (Keyed-Hashing for Message Authentication) module."},
		Methods: []*py.Method{
			method("new", hmacNew, "new(key, msg=None, digestmod) - Create a new hashing object and return it."),
			method("digest", hmacDigest, "digest(key, msg, digest) - Fast inline implementation of HMAC."),
			method("compare_digest", hmacCompareDigest, "Return 'a == b'; the comparison takes time independent of where the inputs differ."),
		},
		Globals: py.StringDict{"HMAC": hmacType},
	}
}

// digestAlgo reads digestmod: a name, or a hashlib constructor.
func digestAlgo(o py.Object) (hashAlgo, error) {
	switch v := o.(type) {
	case py.String:
		return lookupHash(string(v))
	case *py.Method:
		return lookupHash(v.Name)
	}
	return hashAlgo{}, py.ExceptionNewf(py.TypeError, "digestmod must be a hash name or a hashlib constructor, not %s", o.Type().Name)
}

func hmacNew(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key py.Object
	var msg, digestmod py.Object = py.None, py.None
	if err := parseArgs("new", args, kwargs, []string{"key", "msg", "digestmod"}, 1, &key, &msg, &digestmod); err != nil {
		return nil, err
	}
	k, ok := key.(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "key: expected bytes or bytearray, but got '%s'", key.Type().Name)
	}
	if digestmod == py.None {
		return nil, py.ExceptionNewf(py.TypeError, "Missing required parameter 'digestmod'.")
	}
	algo, err := digestAlgo(digestmod)
	if err != nil {
		return nil, err
	}
	o := newHMAC(algo, k)
	if msg != py.None {
		b, err := hashInput(msg)
		if err != nil {
			return nil, err
		}
		o.inner.Write(b)
	}
	return o, nil
}

func hmacDigest(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, msg, digest py.Object
	if err := parseArgs("digest", args, kwargs, []string{"key", "msg", "digest"}, 3, &key, &msg, &digest); err != nil {
		return nil, err
	}
	o, err := hmacNew(self, py.Tuple{key, msg, digest}, nil)
	if err != nil {
		return nil, err
	}
	return py.Bytes(o.(*hmacObject).sum()), nil
}

func hmacCompareDigest(self py.Object, args py.Tuple) (py.Object, error) {
	var a, b py.Object
	if err := py.UnpackTuple(args, nil, "compare_digest", 2, 2, &a, &b); err != nil {
		return nil, err
	}
	x, y, err := digestOperands(a, b)
	if err != nil {
		return nil, err
	}
	return py.NewBool(subtle.ConstantTimeCompare(x, y) == 1), nil
}

// digestOperands takes two bytes, or two ASCII-only strs.
func digestOperands(a, b py.Object) ([]byte, []byte, error) {
	sa, aStr := a.(py.String)
	sb, bStr := b.(py.String)
	if aStr && bStr {
		for _, s := range []py.String{sa, sb} {
			for i := 0; i < len(s); i++ {
				if s[i] >= 0x80 {
					return nil, nil, py.ExceptionNewf(py.TypeError, "comparing strings with non-ASCII characters is not supported")
				}
			}
		}
		return []byte(sa), []byte(sb), nil
	}
	ba, aBytes := a.(py.Bytes)
	bb, bBytes := b.(py.Bytes)
	if aBytes && bBytes {
		return ba, bb, nil
	}
	return nil, nil, py.ExceptionNewf(py.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", a.Type().Name, b.Type().Name)
}
