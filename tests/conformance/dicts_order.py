# Dicts keep insertion order: displays, assignment, deletion and
# re-insertion, update, setdefault, popitem, copies and views.

d = {"zebra": 1, "apple": 2, "mango": 3}
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["banana"] = 4
d["apple"] = 20  # updating keeps the place
print(list(d))
del d["zebra"]
d["zebra"] = 5  # re-inserted at the end
print(list(d.items()))
print(d.pop("mango"), list(d))
print(d.popitem(), d.popitem(), d)
d.setdefault("kiwi", 0)
d.setdefault("apple", 99)
print(d)

e = {}
for word in "the quick brown fox jumps over the lazy dog".split():
    e[word] = e.get(word, 0) + 1
print(e)
print(" ".join(k for k in e if e[k] == 1))

u = {"a": 1}
u.update({"c": 3, "b": 2})
u.update([("e", 5), ("d", 4)])
u.update(f=6, g=7)
u.update({"a": 10}, h=8)
print(u)

print(dict(b=2, a=1, c=3))
print(dict([("y", 1), ("x", 2)], w=3, v=4))
print(dict({"q": 1, "p": 2}), dict(zip("cab", range(3))))
print({k: v for k, v in zip("zyx", [1, 2, 3])})
print({n: n * n for n in [5, 3, 9, 1]})

big = {}
for i in range(40, 0, -1):
    big[i * 7 % 41] = i
print(list(big)[:12], len(big))
for i in range(0, 41, 3):
    big.pop(i, None)
print(list(big)[:12], len(big))
for i in range(0, 41, 3):
    big[i] = -i
print(list(big)[-8:], len(big))

c = big.copy()
print(list(c) == list(big), c == big, c is big)
c.clear()
print(c, len(big) > 0)

fk = dict.fromkeys(["m", "a", "z"], 0)
print(fk)

# views follow the dict
v = {"one": 1}
keys, values, items = v.keys(), v.values(), v.items()
v["two"] = 2
print(keys, values, items)
print(len(keys), "one" in keys, 2 in values, ("two", 2) in items, ("two", 3) in items)
del v["one"]
print(list(keys), list(values), list(items))

# iteration order survives round trips
original = {"first": 1, "second": 2, "third": 3}
rebuilt = dict(original.items())
print(list(rebuilt) == list(original), rebuilt == original)
reversed_order = {}
for key in reversed(list(original)):
    reversed_order[key] = original[key]
print(reversed_order, reversed_order == original, list(reversed_order) == list(original))

# changing a dict's keys while iterating is an error
m = {"a": 1, "b": 2}
it = iter(m)
print(next(it))
m["c"] = 3
try:
    next(it)
except RuntimeError as err:
    print("RuntimeError:", err.args[0])
it = iter(m.items())
print(next(it))
del m["c"]
m["d"] = 4
try:
    next(it)
except RuntimeError as err:
    print("RuntimeError:", err.args[0])
m = {"a": 1, "b": 2}
for key in m:
    m[key] = m[key] * 10  # changing values is fine
print(m)
