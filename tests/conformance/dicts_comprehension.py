# Dict comprehensions and dicts built in loops and functions: non-string
# keys, ordering, filtering, nesting, and the usual grouping idioms.

squares = {n: n * n for n in range(6)}
print(squares)
print({n: n * n for n in range(10) if n % 3 == 0})
print({v: k for k, v in squares.items()})
print({(x, y): x * y for x in range(3) for y in range(2) if x != y})
print({c: ord(c) for c in "hello"})
print({k: {j: k * j for j in range(2)} for k in range(3)})
print({str(i): [i] * i for i in range(1, 4)})
print({i % 3: i for i in range(10)})
print({True: "t", 1: "one", 1.0: "float"})

words = ["apple", "bob", "cat", "avocado", "banana", "cherry", "axe"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
lengths = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print(lengths, sorted(lengths.items()))
print(max(lengths, key=lengths.get), min(lengths.values()))

inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)


def counter(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


print(counter([3, 1, 3, 2, 1, 3]))
print(counter("mississippi"))
print(counter([(1, 2), (2, 1), (1, 2)]))


class Registry:
    def __init__(self):
        self.handlers = {}

    def register(self, code):
        def wrap(fn):
            self.handlers[code] = fn
            return fn
        return wrap


registry = Registry()


@registry.register(404)
def not_found():
    return "not found"


@registry.register(200)
def ok():
    return "ok"


print(list(registry.handlers), registry.handlers[404](), registry.handlers[200]())

matrix = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print([matrix[(r, r)] for r in range(3)], sum(matrix.values()))
transposed = {(c, r): v for (r, c), v in matrix.items()}
print(transposed[(2, 0)], transposed == matrix)

nested = {"a": {"x": 1}, "b": {"y": 2}}
flat = {outer + "." + inner: v for outer, d in nested.items() for inner, v in d.items()}
print(flat)
print(dict((k, len(k)) for k in ["one", "three"]))
print(dict(enumerate("abc")), dict(zip([1, 2], [[], {}])))


class Scope:
    factor = 10
    scaled = {n: n * 2 for n in range(3)}


print(Scope.scaled)
empty = {k: v for k, v in []}
print(empty, len(empty), bool(empty), not empty)
