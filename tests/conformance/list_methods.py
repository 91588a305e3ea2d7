# list methods: append/extend, insert, remove, pop, index, count,
# reverse, copy, clear.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


xs = [1, 2, 3]
xs.extend([4, 5])
xs.extend((6,))
xs.extend(range(7, 9))
xs.extend(c for c in "ab")
xs.extend("cd")
xs.extend({"k": 0})
print(xs)
ys = [1, 2]
ys.extend(ys)
print(ys)
attempt("extend int", lambda: [].extend(3))

zs = ["a", "c"]
zs.insert(1, "b")
zs.insert(0, "start")
zs.insert(100, "end")
zs.insert(-1, "before end")
zs.insert(-100, "very start")
print(zs)
attempt("insert one arg", lambda: [].insert(1))
attempt("insert str index", lambda: [].insert("a", 1))

vals = [3, 1, 4, 1, 5, 9, 2, 6, 5]
vals.remove(1)
print(vals, vals.pop(), vals.pop(0), vals.pop(-2), vals)
attempt("remove missing", lambda: [1].remove(2))
attempt("pop empty", lambda: [].pop())
attempt("pop out of range", lambda: [1].pop(5))
attempt("pop str", lambda: [1].pop("a"))

seq = ["a", "b", "c", "b", "a"]
print(seq.index("b"), seq.index("b", 2), seq.index("a", -2), seq.index("c", 0, 3), seq.count("b"), seq.count("z"))
attempt("index missing", lambda: seq.index("z"))
attempt("index range", lambda: seq.index("c", 3))
attempt("index int missing", lambda: [1, 2].index(3))
print([1, 1.0, True].count(1), [(1, 2), [1, 2]].index([1, 2]), [[0]].count([0]), [None].index(None))


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and other.k == self.k


keys = [Key(1), Key(2)]
print(keys.index(Key(2)), keys.count(Key(1)), Key(3) in keys)
keys.remove(Key(1))
print(len(keys), keys[0].k)

r = [1, 2, 3]
r.reverse()
print(r, r.reverse(), r)
c = r.copy()
c.append(4)
print(r, c)
c.clear()
print(c, len(c), r)
print(list.copy([5]), list.count([1, 1], 1), len([]))
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(9)
print(nested)
attempt("reverse arg", lambda: [].reverse(1))
attempt("copy kwarg", lambda: [].copy(x=1))
