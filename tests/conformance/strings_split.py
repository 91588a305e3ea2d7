# str splitting, joining, stripping and padding.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".split(",", 0))
print("  a  b\tc\n d  ".split(), "  a  b  c  ".split(None, 1), "".split(), "   ".split())
print("a b c".split(maxsplit=1), "a::b::c".split(sep="::"), "abc".split("abc"))
print("a,b,,c".rsplit(","), "a,b,,c".rsplit(",", 1), "  a  b  c  ".rsplit(None, 1))
print("a b c".rsplit(maxsplit=0), "x".rsplit("x"), "".rsplit(","), "".split(","))
print("a\x1cb\x1dc\x1ed\x1fe\u3000f".split())
attempt("split empty sep", lambda: "a".split(""))
attempt("rsplit int sep", lambda: "a".rsplit(1))
attempt("split bad kw", lambda: "a".split(foo=1))

print("one\ntwo\r\nthree\rfour".splitlines())
print("one\ntwo\r\nthree\rfour\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\u2028e\u2029f\x85g".splitlines())
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(keepends=True), "x\n".splitlines())

print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print(repr("\t\n hi \r\x0b".strip()), repr("hi".strip(None)), repr("".strip()))
attempt("strip int", lambda: "x".strip(1))

print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x",)), "".join(c for c in "abc"))
print("+".join("abc"), "+".join({"k": 1}), " ".join(["\u00e9", "\u00e8"]))
attempt("join mixed", lambda: ",".join(["a", 1]))
attempt("join int", lambda: ",".join(5))

print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print("\u00e9".zfill(3))
print(repr("ab".ljust(5)), repr("ab".rjust(5)), repr("ab".center(5)), repr("ab".center(6)))
print(repr("abc".center(6)), repr("abc".center(4, "*")), repr("a".center(4, "-")), repr("ab".center(1)))
print("ab".ljust(5, "."), "ab".rjust(5, "."), "\u00e9".ljust(3, "\u00b7"), "ab".rjust(-1))
attempt("ljust two chars", lambda: "a".ljust(5, "xy"))
attempt("rjust int fill", lambda: "a".rjust(5, 1))
attempt("center no args", lambda: "a".center())
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\n\tc".expandtabs(2)))
