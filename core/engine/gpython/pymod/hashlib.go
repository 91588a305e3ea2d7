package pymod

import (
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"hash"
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
)

// hashlib over Go's crypto packages. BLAKE2 is missing: Go's standard
// library has no implementation of it.

type hashAlgo struct {
	name      string
	new       func() hash.Hash
	blockSize int
}

var hashAlgos = map[string]hashAlgo{}

func init() {
	for _, a := range []hashAlgo{
		{"md5", md5.New, md5.BlockSize},
		{"sha1", sha1.New, sha1.BlockSize},
		{"sha224", sha256.New224, sha256.BlockSize},
		{"sha256", sha256.New, sha256.BlockSize},
		{"sha384", sha512.New384, sha512.BlockSize},
		{"sha512", sha512.New, sha512.BlockSize},
		{"sha512_224", sha512.New512_224, sha512.BlockSize},
		{"sha512_256", sha512.New512_256, sha512.BlockSize},
		{"sha3_224", func() hash.Hash { return sha3.New224() }, 144},
		{"sha3_256", func() hash.Hash { return sha3.New256() }, 136},
		{"sha3_384", func() hash.Hash { return sha3.New384() }, 104},
		{"sha3_512", func() hash.Hash { return sha3.New512() }, 72},
	} {
		hashAlgos[a.name] = a
	}
}

// lookupHash finds an algorithm by the names hashlib.new accepts.
func lookupHash(name string) (hashAlgo, error) {
	key := strings.ToLower(name)
	switch key {
	case "sha512-224":
		key = "sha512_224"
	case "sha512-256":
		key = "sha512_256"
	}
	if a, ok := hashAlgos[key]; ok {
		return a, nil
	}
	return hashAlgo{}, py.ExceptionNewf(py.ValueError, "unsupported hash type %s", name)
}

// hashObject is what hashlib.md5() and friends return.
type hashObject struct {
	algo hashAlgo
	h    hash.Hash
}

var hashType = func() *py.Type {
	t := newGoType("_hashlib.HASH", "A hash object.")
	addMethods(t,
		goMethod1("update", func(o *hashObject, data py.Object) (py.Object, error) {
			b, err := hashInput(data)
			if err != nil {
				return nil, err
			}
			o.h.Write(b)
			return py.None, nil
		}, "Update this hash object's state with the provided string."),
		goMethod0("digest", func(o *hashObject) (py.Object, error) { return py.Bytes(o.h.Sum(nil)), nil }, "Return the digest value as a bytes object."),
		goMethod0("hexdigest", func(o *hashObject) (py.Object, error) { return py.String(hex.EncodeToString(o.h.Sum(nil))), nil }, "Return the digest value as a string of hexadecimal digits."),
		goMethod0("copy", func(o *hashObject) (py.Object, error) { return o.copy() }, "Return a copy of the hash object."),
	)
	addGetterOf(t, "name", func(recv *hashObject) (py.Object, error) { return py.String(recv.algo.name), nil })
	addGetterOf(t, "digest_size", func(recv *hashObject) (py.Object, error) { return py.Int(recv.h.Size()), nil })
	addGetterOf(t, "block_size", func(recv *hashObject) (py.Object, error) { return py.Int(recv.algo.blockSize), nil })
	return t
}()

func (o *hashObject) Type() *py.Type { return hashType }

func (o *hashObject) M__repr__() (py.Object, error) {
	return py.String("<" + o.algo.name + " _hashlib.HASH object>"), nil
}

func (o *hashObject) copy() (py.Object, error) {
	h, err := copyHash(o.algo, o.h)
	if err != nil {
		return nil, err
	}
	return &hashObject{algo: o.algo, h: h}, nil
}

// copyHash clones a hash state through its binary form, which all of
// Go's hashes used here support.
func copyHash(algo hashAlgo, h hash.Hash) (hash.Hash, error) {
	m, ok := h.(encoding.BinaryMarshaler)
	if !ok {
		return nil, py.ExceptionNewf(py.ValueError, "%s state cannot be copied", algo.name)
	}
	state, err := m.MarshalBinary()
	if err != nil {
		return nil, py.ExceptionNewf(py.ValueError, "copying %s state: %v", algo.name, err)
	}
	c := algo.new()
	u, ok := c.(encoding.BinaryUnmarshaler)
	if !ok {
		return nil, py.ExceptionNewf(py.ValueError, "%s state cannot be copied", algo.name)
	}
	if err := u.UnmarshalBinary(state); err != nil {
		return nil, py.ExceptionNewf(py.ValueError, "copying %s state: %v", algo.name, err)
	}
	return c, nil
}

// hashInput accepts only bytes: text must be encoded first.
func hashInput(o py.Object) ([]byte, error) {
	switch v := o.(type) {
	case py.Bytes:
		return v, nil
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "Strings must be encoded before hashing")
	}
	return nil, py.ExceptionNewf(py.TypeError, "object supporting the buffer API required")
}

func newHash(algo hashAlgo, data py.Object) (py.Object, error) {
	o := &hashObject{algo: algo, h: algo.new()}
	if data != nil && data != py.None {
		b, err := hashInput(data)
		if err != nil {
			return nil, err
		}
		o.h.Write(b)
	}
	return o, nil
}

func hashlibModule() *py.ModuleImpl {
	names := make([]string, 0, len(hashAlgos))
	for n := range hashAlgos {
		names = append(names, n)
	}
	sort.Strings(names)
	methods := []*py.Method{
		method("new", hashlibNew, "new(name, data=b'') - Return a new hashing object using the named algorithm."),
		method("pbkdf2_hmac", hashlibPBKDF2, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."),
	}
	algoNames := make([]py.Object, len(names))
	for i, n := range names {
		algo := hashAlgos[n]
		algoNames[i] = py.String(n)
		methods = append(methods, method(n, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			var data, str py.Object = py.None, py.None
			var usedForSecurity py.Object
			// The initial data is `string` in Python 3.11, `data` later.
			if err := parseArgs(algo.name, args, kwargs, []string{"data", "usedforsecurity", "string"}, 0, &data, &usedForSecurity, &str); err != nil {
				return nil, err
			}
			if data == py.None {
				data = str
			}
			return newHash(algo, data)
		}, "Returns a "+n+" hash object; optionally initialized with a string"))
	}
	return &py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "hashlib", Doc: "hashlib module - A common interface to many hash functions."},
		Methods: methods,
		Globals: py.StringDict{
			"algorithms_guaranteed": py.NewFrozenSetFromItems(algoNames),
			"algorithms_available":  py.NewFrozenSetFromItems(algoNames),
		},
	}
}

func hashlibNew(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var name py.Object
	var data py.Object = py.None
	var usedForSecurity py.Object
	if err := parseArgs("new", args, kwargs, []string{"name", "data", "usedforsecurity"}, 1, &name, &data, &usedForSecurity); err != nil {
		return nil, err
	}
	n, err := strArg(name, "name")
	if err != nil {
		return nil, err
	}
	algo, err := lookupHash(n)
	if err != nil {
		return nil, err
	}
	return newHash(algo, data)
}

func hashlibPBKDF2(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var name, password, salt, iterations py.Object
	var dklen py.Object = py.None
	if err := parseArgs("pbkdf2_hmac", args, kwargs, []string{"hash_name", "password", "salt", "iterations", "dklen"}, 4,
		&name, &password, &salt, &iterations, &dklen); err != nil {
		return nil, err
	}
	n, err := strArg(name, "hash_name")
	if err != nil {
		return nil, err
	}
	algo, err := lookupHash(n)
	if err != nil {
		return nil, err
	}
	pw, err := hashInput(password)
	if err != nil {
		return nil, err
	}
	s, err := hashInput(salt)
	if err != nil {
		return nil, err
	}
	iters, err := goInt(iterations, "iterations")
	if err != nil {
		return nil, err
	}
	if iters < 1 {
		return nil, py.ExceptionNewf(py.ValueError, "iteration value must be greater than 0.")
	}
	size, err := optInt(dklen, algo.new().Size(), "dklen")
	if err != nil {
		return nil, err
	}
	if size < 1 {
		return nil, py.ExceptionNewf(py.ValueError, "key length must be greater than 0.")
	}
	key, err := pbkdf2.Key(algo.new, string(pw), s, iters, size)
	if err != nil {
		return nil, py.ExceptionNewf(py.ValueError, "pbkdf2_hmac: %v", err)
	}
	return py.Bytes(key), nil
}
