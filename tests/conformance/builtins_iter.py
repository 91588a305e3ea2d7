# reversed, enumerate(start=), zip, map, filter, any/all, len, iter/next,
# and callables given to them (builtins, unbound methods, lambdas).


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return self.n - i


class Backwards:
    def __reversed__(self):
        return iter(["z", "y"])


print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))))
print(list(reversed([])), "".join(reversed("stressed")), list(reversed(Countdown(3))), list(reversed(Backwards())))
it = reversed([1, 2, 3])
print(next(it), next(it), list(it), list(it))
live = [1, 2, 3]
rit = reversed(live)
live.pop()
print(list(rit))
attempt("reversed int", lambda: reversed(5))
attempt("reversed generator", lambda: reversed(x for x in [1]))
attempt("reversed no args", lambda: reversed())

print(list(enumerate("ab")), list(enumerate("ab", 1)), list(enumerate(["x"], start=10)), list(enumerate([])))
for i, (a, b) in enumerate([("p", "q"), ("r", "s")], 1):
    print(i, a, b)

print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip(["k1", "k2"], [1, 2])) == {"k1": 1, "k2": 2})
print(list(map(str, [1, 2])), list(map(len, ["a", "bb"])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(map(str.upper, ["x", "y"])), list(map(str.strip, [" a ", "b\n"])), list(map(int, ["1", "22"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(str.isdigit, ["1", "a", "2"])))
print(any([0, "", None]), any([0, 1]), any([]), all([1, "a"]), all([1, 0]), all([]))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, True]), any(c.isupper() for c in "abC"))

print(len("abc"), len("\u00e9t\u00e9"), len([1, 2]), len((1,)), len({"a": 1}), len(b"ab"), len(range(10)), len(Countdown(4)))
attempt("len int", lambda: len(5))
attempt("len none", lambda: len(None))
attempt("len two", lambda: len([], []))

gen = iter([1, 2])
print(next(gen), next(gen), next(gen, "done"))
print(sorted(map(len, ["ccc", "a", "bb"])), max(map(len, ["ccc", "a"])), sum(map(int, "123")), min(filter(None, [0, 3, 2])))
print(list(map(format, [1, 2.5, "s"])), list(map(format, [10, 255], ["03", "x"])), format(7, "b"))


class Doubler:
    def __call__(self, x):
        return x * 2


class Numbers:
    def __iter__(self):
        return iter([3, 1, 2])


class MoreNumbers(Numbers):
    pass


print(list(map(Doubler(), [1, 2])), list(filter(Doubler(), [0, 1])), list(zip(b"ab", "xy")), list(map(hex, b"\x01\xff")))
print(sorted(MoreNumbers()), max(MoreNumbers()), sum(MoreNumbers()), list(zip(MoreNumbers(), "abc")), any(MoreNumbers()))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__, isinstance(map(str, []), map))
print(list(zip([1, 2], [3, 4], strict=True)), list(map(pow, [2, 3], [3, 2])), list(filter(bool, [0, 2])))
for args in [([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2])]:
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)
attempt("zip bad kw", lambda: zip([], foo=1))
attempt("zip not iterable", lambda: zip([], 5))
attempt("map one arg", lambda: map(str))
attempt("filter three", lambda: filter(None, [], []))
