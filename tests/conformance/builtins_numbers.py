# round (ties to even, ndigits), sum (start=), min/max (key=, default=),
# abs, divmod, chr, ord.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def fmt(x):
    return format(x, "")


print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5), round(7), round(True))
print(fmt(round(2.675, 2)), fmt(round(0.125, 2)), fmt(round(0.375, 2)), fmt(round(1.005, 2)), fmt(round(2.5, 0)))
print(fmt(round(1234.5678, -2)), fmt(round(1250.0, -2)), fmt(round(-0.4, 0)), fmt(round(5e-324, 400)), fmt(round(1e300, -300)))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(1234, 2), round(10 ** 20 + 5, -1))
print(round(12345678901234567890123, -10), round(1.5, None), round(number=2.5), round(2.567, ndigits=1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__, round(1e20) == 10 ** 20)
attempt("round inf", lambda: round(float("inf")))
attempt("round nan", lambda: round(float("nan")))
attempt("round str", lambda: round("a"))
attempt("round float digits", lambda: round(1, 1.5))
attempt("round no args", lambda: round())


class Coin:
    def __round__(self, ndigits=None):
        return "rounded " + str(ndigits)


print(round(Coin()), round(Coin(), 2))

print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum([0.5, 0.25]), sum([[1], [2]], []), sum((True, True)))
print(sum(x * x for x in range(4)), sum([1, 2], start=100), sum(range(101)), sum([1.5, 1]))
attempt("sum strings", lambda: sum(["a", "b"], ""))
attempt("sum bytes", lambda: sum([b"a"], b""))
attempt("sum str items", lambda: sum(["a"]))
attempt("sum no args", lambda: sum())

print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max("abc"), min("bca"), max([1, 2.5]), min([1.5, 1]))
print(max([1, 3, 2], key=lambda x: -x), min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(max([], default="empty"), min([], default=None), max([5], default=0), max((), key=len, default=-1))
print(max(["a", "B", "c"], key=str.lower), min([(2, "b"), (1, "z"), (1, "a")]), max([[1, 2], [1, 3]]))
print(max([("a", 1), ("b", 1)], key=lambda p: p[1]), min([("a", 1), ("b", 1)], key=lambda p: p[1]))
print(max(x % 7 for x in range(20)), min(abs(x) for x in [-5, 3, -1]), max(True, 0), min(-1, False))
attempt("min empty", lambda: min([]))
attempt("max int", lambda: max(1))
attempt("max default many", lambda: max(1, 2, default=3))
attempt("min mixed", lambda: min([1, "a"]))
attempt("max bad kw", lambda: max([1], foo=2))
attempt("max no args", lambda: max())

print(abs(-3), abs(3), fmt(abs(-2.5)), abs(True), abs(-(10 ** 30)), fmt(abs(-0.0)))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(0, 5))
try:
    divmod(1, 0)
except ZeroDivisionError:
    print("divmod zero raises ZeroDivisionError")
print(chr(65), chr(0x263a), chr(233), ord("a"), ord("\u00e9"), ord("\u263a"), ord(b"A".decode()))
attempt("chr negative", lambda: chr(-1))
attempt("chr big", lambda: chr(0x110000))
