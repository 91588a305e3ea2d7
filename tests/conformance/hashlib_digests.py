# hashlib digests, hash objects, pbkdf2_hmac, and hmac.
import hashlib
import hmac

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512"]:
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.sha1(b"").hexdigest())
print(hashlib.sha256(b"hello world").hexdigest())
print(hashlib.sha256(b"caf\xc3\xa9").hexdigest())
h = hashlib.sha256()
h.update(b"hello ")
h.update(b"world")
print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), h.digest_size)
c = h.copy()
c.update(b"!")
print(h.hexdigest()[:16], c.hexdigest()[:16])
print(hashlib.md5(b"x").hexdigest(), hashlib.new("SHA256", b"x").hexdigest()[:16])
print(hashlib.sha512(bytes([97] * 1000)).hexdigest()[:32], hashlib.sha384(b"").hexdigest()[:32])
print(hashlib.sha1(b"The quick brown fox jumps over the lazy dog").digest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1))
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, dklen=10))
print("sha256" in hashlib.algorithms_guaranteed, "md5" in hashlib.algorithms_available)
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError:", e)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError:", e)
mac = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256)
print(mac.hexdigest(), mac.name, mac.digest_size)
mac2 = hmac.new(b"key", digestmod="md5")
mac2.update(b"The quick brown fox jumps over the lazy dog")
print(mac2.hexdigest())
print(hmac.digest(b"k", b"msg", "sha1"))
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"), hmac.compare_digest("a", "a"))
cp = mac.copy()
cp.update(b"more")
print(mac.hexdigest() != cp.hexdigest())
try:
    hmac.new(b"key", b"msg")
except TypeError as e:
    print("TypeError:", e)
