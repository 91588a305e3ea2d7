# str searching: find/rfind/index/rindex/count/startswith/endswith,
# partition/rpartition, removeprefix/removesuffix.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


s = "hello world, hello there"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("zzz"))
print(s.rfind("hello"), s.rfind("hello", 0, 10), s.rfind("o"), s.rfind(""))
print(s.find(""), s.find("", 5), s.find("", 24), s.find("", 25), s.find("", 3, 1))
print(s.find("o", -5), s.find("o", -100), s.find("e", 2, -2), s.find("h", None, None))
print(s.index("world"), s.rindex("hello"), s.count("hello"), s.count("l"))
print(s.count(""), s.count("", 20), s.count("", 30), s.count("l", 3, 11))
attempt("index missing", lambda: s.index("nope"))
attempt("rindex missing", lambda: s.rindex("nope", 0, 3))
attempt("find int", lambda: s.find(1))
attempt("count none", lambda: s.count(None))
attempt("find no args", lambda: s.find())

u = "caf\u00e9 na\u00efve caf\u00e9"
print(u.find("na"), u.rfind("caf"), u.index("\u00efve"), u.count("\u00e9"))
print(u.find("\u00e9", 4), u.find("v", -3), u.startswith("na", 5), u.endswith("ve", 0, 10))

print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6))
print(s.startswith(("x", "hel")), s.startswith(()), s.endswith("there"), s.endswith(("here", "x")))
print(s.startswith("hello", 13), s.startswith("lo", 3, 4), s.startswith("lo", 3, 5))
print(s.endswith("hello", 0, 5), s.endswith("", 24), s.endswith("", 25), s.startswith("", 3, 2))
print("abc".startswith("abc", -3), "abc".endswith("b", -3, -1), "abc".startswith("a", -10))
attempt("startswith int", lambda: s.startswith(1))
attempt("startswith tuple int", lambda: s.startswith(("a", 1)))
attempt("endswith list", lambda: s.endswith(["x"]))

print(s.partition(", "))
print(s.partition("zzz"))
print(s.rpartition("hello"))
print(s.rpartition("zzz"))
print("a=b=c".partition("="), "a=b=c".rpartition("="))
attempt("partition empty", lambda: s.partition(""))
attempt("partition int", lambda: s.partition(3))

print("prefix-body".removeprefix("prefix-"), "prefix-body".removeprefix("x"))
print("body.txt".removesuffix(".txt"), "body.txt".removesuffix(".py"), "".removesuffix(""))
print(str.find("abcabc", "c", 3), str.count("aaa", "a"), str.startswith("abc", "a"))
attempt("unbound wrong type", lambda: str.find(5, "a"))
