# bytes methods: decode, join, find/count/index, startswith/endswith,
# split/strip, upper/lower, hex/fromhex.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


data = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
print(data.decode(), end="")
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"ok".decode("ascii"))
attempt("decode bad utf8", lambda: b"\xff".decode())
attempt("decode ascii", lambda: b"\x80".decode("ascii"))
attempt("decode unknown", lambda: b"x".decode("nope"))

print(b", ".join([b"a", b"b", b"c"]), b"".join([]), b"-".join(x for x in [b"x", b"y"]))
attempt("join str", lambda: b",".join([b"a", "b"]))

print(data.find(b"Host"), data.find(b"nope"), data.find(b"\r\n", 20), data.find(72), data.rfind(b"\r\n"))
print(data.find(b"", 100), data.find(b"", 5), b"abcabc".rfind(b"b", 0, 3), b"aaa".count(b"a"), b"aaa".count(b"aa"))
print(b"abcabc".count(98), b"abc".count(b""), b"abc".index(b"c"), b"abcabc".rindex(b"a"))
attempt("find str", lambda: b"a".find("a"))
attempt("find 300", lambda: b"abc".find(300))
attempt("index missing", lambda: b"abc".index(b"z"))

print(data.startswith(b"GET"), data.startswith((b"POST", b"GET")), data.endswith(b"\r\n\r\n"))
print(b"abc".startswith(b"b", 1), b"abc".endswith(b"b", 0, 2), b"abc".startswith(b"", 3), b"abc".startswith(b"", 4))
attempt("startswith str", lambda: b"a".startswith("a"))

print(data.split(b"\r\n"))
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b"a,b,,c".rsplit(b",", 1), b"a b".split(maxsplit=0))
print(b"  one two\tthree\n".split(), b"  a b c ".split(None, 1), b"  a b c ".rsplit(None, 1), b"".split())
attempt("split str", lambda: b"a b".split("a"))
attempt("split empty", lambda: b"a b".split(b""))

print(b"  pad  ".strip(), b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxpadxx".strip(b"x"), b"\t\x0b\x0c x".strip())
attempt("strip str", lambda: b"abc".strip("a"))

print(b"MiXeD 123 \xe9".upper(), b"MiXeD 123 \xc9".lower())
print(b"\x00\xff\x10abc".hex(), b"abcdef".hex(":"), b"abcdef".hex(":", 2), b"abcde".hex(":", 2), b"abcde".hex(":", -2))
print(b"abc".hex(b"-"), b"".hex(":"), repr(b"".hex()))
attempt("hex long sep", lambda: b"x".hex("::"))
print(bytes.fromhex("00ff10"), bytes.fromhex(" 01 ff "), bytes.fromhex(""), b"".fromhex("41"))
attempt("fromhex bad", lambda: bytes.fromhex("0g"))
attempt("fromhex odd", lambda: bytes.fromhex("a"))

body = "h\u00e9llo \u2603".encode("utf-8")
print(len(body), body, body.decode())
print(len(b""), len(b"abc"), len("\u00e9".encode()), len("\u00e9".encode("latin-1")))
print(str(b"abc"), str(b"it's"), repr(b'say "hi"'), str(b"\x00\n\t\\"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", encoding="latin-1"), str(b"x", "ascii", "strict"))
print(bytes([72, 105]), bytes(3), bytes(), bytes(b"copy"), bytes(range(65, 70)))
print(bytes("caf\u00e9", "utf-8"), bytes("caf\u00e9", "latin-1"), bytes("abc", encoding="ascii"))
attempt("bytes str no encoding", lambda: bytes("abc"))
attempt("bytes unencodable", lambda: bytes("\u20ac", "latin-1"))
attempt("bytes range", lambda: bytes([256]))
attempt("bytes negative", lambda: bytes(-1))
attempt("str bad decode", lambda: str(b"\xff", "utf-8"))
print(list(b"hi"), list(reversed(b"abc")), sorted(b"cab"), max(b"az"), sum(b"\x01\x02"))
