# How values print: floats, one-element tuples, nested containers,
# exceptions and classes, through print, str, repr and formatting.

floats = [0.1, 1.5, 2.0, -0.0, 1e16, 1e-7, 123456789.0, 1 / 3, 2.5e-5, 1e22, 100.0, 1e15]
print(floats)
print(*floats)
print(str(1e16), repr(1e-5), str(float("inf")), repr(float("-inf")), str(float("nan")))
print(0.1 + 0.2, 3 * 1.1, 10 / 4, 2 ** 0.5, round(2.675, 2), 1e300 * 10)
print((1,), (1, 2), (), ((1,),), [(2,)], {"k": (3,)}, ("a",))
print(str((1,)), repr((None,)), "%s" % ((1,),), "{}".format((1,)))
print([1.0, [2.5, (3.0,)]], {"x": 1e16, "y": [0.5]}, (-0.0, 1e100))

nested = {"list": [1, "two", (3.0,)], "tuple": ("a",), "none": None, "bool": [True, False]}
print(nested)
print(repr(nested))
print("%r" % (nested,))

print(str(ValueError()), repr(ValueError()), repr(ValueError("x")), str(ValueError("x")))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError(1)), repr(TypeError("a", 2)))
print(str(ValueError("a", 2)), repr(RuntimeError()), str(Exception(1.5)))

try:
    {}["missing"]
except KeyError as e:
    print("KeyError", str(e), repr(e), e.args)

try:
    int("nope")
except ValueError as e:
    print(str(e))


class Plain:
    pass


class WithRepr:
    def __repr__(self):
        return "WithRepr()"


class WithStr(WithRepr):
    def __str__(self):
        return "str of WithStr"


print(repr(Plain).startswith("<class '"), str(Plain()).startswith("<"), "object at" in repr(Plain()))
print(WithRepr(), [WithRepr()], WithStr(), [WithStr()], (WithStr(),))
print(str(WithStr()), repr(WithStr()), "%s %r" % (WithStr(), WithStr()))
print(int, str, list, type(None).__name__, ValueError, type(1.5).__name__)
print(set(), {3, 1, 2}, sorted({0.5, 1.5}))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr(b"\x00ab'"), repr("\u00e9"))
print(1, 2, 3, sep="-", end="!\n")
print("a", "b", sep="")
print()
print(None, True, False, 10 ** 20, -7, 0)
