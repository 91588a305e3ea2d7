# Dict keys of every hashable kind, equal keys of different types, and
# unhashable keys.

d = {1: "int", "1": "str", 2.5: "float", None: "none", True: "bool?", (1, 2): "tuple", b"1": "bytes"}
print(d)
print(len(d), d[1], d["1"], d[2.5], d[None], d[(1, 2)], d[b"1"])
print(d[True], d[1.0], 1 in d, 1.0 in d, True in d, 0 in d, False in d)

# 1, 1.0 and True are one key; the first spelling is kept
e = {}
e[1] = "a"
e[1.0] = "b"
e[True] = "c"
print(e, len(e))
e = {True: "x", 1: "y"}
print(e)
e = {0: "zero", False: "false", 0.0: "float"}
print(e)
e = {-1: "m", 2 ** 70: "big", 2.0 ** 70: "same big"}
print(len(e), e[2 ** 70])

# tuples compare by content, nested too
grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid[(2, 1)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(sorted(grid)[:3])
nested = {((1, 2), ("a",)): "deep"}
print(nested[((1, 2), ("a",))])

print({None: 1, "None": 2})


# classes and functions as keys (a dispatch table)
def handle_int(v):
    return "int " + str(v)


def handle_str(v):
    return "str " + v


handlers = {int: handle_int, str: handle_str}
for value in [3, "x"]:
    print(handlers[type(value)](value))
table = {handle_int: 1, handle_str: 2}
print(table[handle_str], len(table))


# instances: by identity, or by __hash__ and __eq__
class Plain:
    pass


a, b = Plain(), Plain()
ids = {a: "a", b: "b"}
print(ids[a], ids[b], len(ids), Plain() in ids)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y))

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


pts = {Point(1, 2): "first"}
pts[Point(1, 2)] = "second"
pts[Point(2, 1)] = "third"
print(len(pts), pts[Point(1, 2)], Point(2, 1) in pts, Point(3, 3) in pts)


class NoHash:
    def __eq__(self, other):
        return True


for bad in ([1], {}, {1, 2}, NoHash()):
    try:
        {bad: 1}
    except TypeError as err:
        print("TypeError:", err.args[0])
try:
    d[[1]]
except TypeError as err:
    print("TypeError:", err.args[0])
try:
    {}[(1, [2])] = 3
except TypeError as err:
    print("TypeError:", err.args[0])

# missing keys raise KeyError carrying the key
for key in ["nope", 42, (1, 3), None]:
    try:
        d[key]
    except KeyError as err:
        print("KeyError:", err)
