package pymod

import "testing"

func TestHashlibModule(t *testing.T) {
	runCases(t, []pyCase{
		{name: "sha256", setup: "import hashlib", expr: `hashlib.sha256(b"abc").hexdigest()`, want: "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'"},
		{name: "md5 update", setup: "import hashlib\nh = hashlib.md5()\nh.update(b'a')\nh.update(b'bc')", expr: `h.hexdigest()`, want: "'900150983cd24fb0d6963f7d28e17f72'"},
		{name: "new by name", setup: "import hashlib", expr: `hashlib.new("SHA1", b"abc").hexdigest()`, want: "'a9993e364706816aba3e25717850c26c9cd0d89d'"},
		{name: "copy is independent", setup: "import hashlib\nh = hashlib.sha1(b'a')\nc = h.copy()\nc.update(b'b')", expr: `h.hexdigest() != c.hexdigest()`, want: "True"},
		{name: "sha3", setup: "import hashlib", expr: `hashlib.sha3_256(b"").hexdigest()[:16]`, want: "'a7ffc6f8bf1ed766'"},
		{name: "str refused", setup: "import hashlib", expr: `hashlib.sha256("x")`, wantErr: "Strings must be encoded before hashing"},
		{name: "unknown", setup: "import hashlib", expr: `hashlib.new("blake2b")`, wantErr: "unsupported hash type blake2b"},
		{name: "pbkdf2", setup: "import hashlib", expr: `hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 1, 4)`, want: "b'\\x0c`\\xc8\\x0f'"},
		{name: "hmac", setup: "import hmac, hashlib", expr: `hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.md5).hexdigest()`, want: "'80070713463e7749b90c2dc24911e275'"},
		{name: "hmac long key", setup: "import hmac", expr: `hmac.new(bytes([107] * 100), b"m", "sha256").hexdigest()[:16]`, want: "'0482265a92ce176b'"},
		{name: "hmac needs digestmod", setup: "import hmac", expr: `hmac.new(b"k", b"m")`, wantErr: "Missing required parameter 'digestmod'."},
		{name: "compare_digest", setup: "import hmac", expr: `[hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b")]`, want: "[True, False]"},
	})
}
