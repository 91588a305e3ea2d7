# Tuples: concatenation of any lengths, +=, repetition, keys, unpacking.

base = (1, 2)
more = (3,)
print(base + more, more + base, base + (), () + more, base + base)
print((1,) + (2, 3, 4), ("a",) + tuple("bcd"), base * 2, 2 * more)

path = ()
for step in ("a", "b", "c"):
    path += (step,)
print(path, len(path))


class Holder:
    def __init__(self):
        self.items = ()

    def add(self, *values):
        self.items += values
        self.items += ("|",)
        return self


h = Holder().add(1, 2).add(3)
print(h.items)

lst = [0]
lst += (1, 2)
lst += [3]
print(lst)

names = ("x", "y")
extended = names + tuple(n.upper() for n in names)
print(extended, extended.index("X"), extended.count("y"), "y" in extended)

grid = {}
for row in range(2):
    for col in range(3):
        grid[(row, col)] = row * 10 + col
print(grid[(1, 2)], sorted(grid)[:3], (0, 1) in grid)

first, *middle, last = (1, 2, 3, 4, 5)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)

records = [("bob", 3), ("amy", 3), ("cat", 1)]
print(sorted(records, key=lambda r: (-r[1], r[0])))
print(max(records, key=lambda r: r[1] * 10 + len(r[0])), tuple(sorted({3, 1, 2})))

nested = ((1, 2), (3, (4, 5)))
flat = ()
for item in nested:
    if isinstance(item[1], tuple):
        flat += (item[0],) + item[1]
    else:
        flat += item
print(flat, sum(flat), nested[1][1][0])
words = "a b c".split()
pairs = tuple(zip(words, range(3)))
print(pairs, dict(pairs), pairs + (("d", 3),))
