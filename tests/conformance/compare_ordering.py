# Ordering and equality of tuples, lists and classes that define them.
import functools

print((1, 2) < (1, 3), (1, 2) <= (1, 2), (2,) > (1, 9), (1, 2, 3) >= (1, 2))
print([1, "b"] < [1, "c"], [] < [0], [3] > [2, 100], [1, 2] == [1, 2], [1] != [1, 2])
a, b = (1, "x", 2.5), (1, "x", 3)
print(a < b, a > b, a == b, a != b, max(a, b), min([b, a]))

pairs = [("b", 2), ("a", 3), ("a", 1), ("c", 0)]
print(sorted(pairs), sorted(pairs, reverse=True)[0])
print([p for p in pairs if p > ("a", 2)])

versions = ["1.10.0", "1.2.3", "1.2.10", "0.9"]


def version_key(text):
    return tuple(int(part) for part in text.split("."))


print(sorted(versions, key=version_key))
print(version_key("1.2.10") > version_key("1.2.3"), version_key("1.10") > version_key("1.9.9"))


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.cents, self.currency) == (other.cents, other.currency)

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __repr__(self):
        return "Money(%d)" % self.cents


x, y, z = Money(100), Money(250), Money(100)
print(x == z, x != z, x == y, x is z, x < y, y > x, x <= z, y >= x)
print(x == 100, x != "100", sorted([y, x, z]), max([x, y]), min(y, x))
print(x in [y, z], [m for m in (x, y) if m == z])
print((x, 1) < (y, 0), [x, y] == [z, Money(250)])


class Version:
    def __init__(self, text):
        self.parts = version_key(text)

    def __eq__(self, other):
        return self.parts == other.parts

    def __gt__(self, other):
        return self.parts > other.parts


v1, v2 = Version("1.2"), Version("1.10")
print(v2 > v1, v1 < v2, v1 == Version("1.2"), v1 != v2)

# Chains evaluate each operand once.
calls = []


def value(n):
    calls.append(n)
    return n


low, high = 1, 10
print(low < 5 < high, low <= value(3) < high, (1, 2) < (1, 3) < (2,))
print(calls)

# Mixed types.
def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)


one, text, nothing, single = 1, "a", None, (1,)
attempt("tuple < int", lambda: single < one)
attempt("list < tuple", lambda: [1] < single)
attempt("None < 1", lambda: nothing < one)
attempt("str < int", lambda: text < one)
attempt("class < class", lambda: Version("1") < Version("2"))
attempt("int == str", lambda: 1 == "1")
attempt("bool order", lambda: (True < 2, False >= 0, [True] < [2]))
attempt("float int", lambda: (1.5 < 2, 2 <= 2.0, (1, 2.0) == (1, 2)))

# cmp_to_key style sorting on tuples with a comparison function.
def by_length_then_text(p, q):
    if (len(p), p) < (len(q), q):
        return -1
    return 1 if (len(p), p) > (len(q), q) else 0


print(sorted(["bb", "a", "ccc", "ab"], key=functools.cmp_to_key(by_length_then_text)))
