# collections: OrderedDict, defaultdict and Counter.
from collections import Counter, OrderedDict, defaultdict

od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
print(od, list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items())
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(x=1), OrderedDict.fromkeys("ab", 0), len(OrderedDict([(1, 1), (2, 2)])))
a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, a == {"x": 1, "y": 2}, a != b, "x" in a, "z" in a, a.get("z"), a.get("z", 0), a["x"])
print(a.setdefault("x", 9), a.setdefault("w", 9), a, a.pop("w"), a.pop("w", "gone"))
a.update([("n", 1)], m=2)
a.update({"y": 20})
print(a)
c = a.copy()
c["x"] = 100
print(a["x"], c["x"], type(c) == OrderedDict)
del c["x"]
print(list(c), len(c))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e.args[0])
try:
    a["missing"]
except KeyError as e:
    print("KeyError", e.args[0])
k = OrderedDict([((1, 2), "tuple"), (3, "int"), (3.0, "same key")])
print(k, k[(1, 2)], k[3])
dd = defaultdict(list)
dd["x"].append(1)
dd["x"].append(2)
dd["y"]
print(dd, dd["x"], len(dd), "z" in dd, dd.get("z"), dd.default_factory)
counts = defaultdict(int)
for word in "the cat and the hat and the bat".split(" "):
    counts[word] += 1
print(counts["the"], counts["and"], counts["zzz"], len(counts))
print(defaultdict(), defaultdict(None, {"a": 1}), defaultdict(int, a=1))
nd = defaultdict(lambda: "default")
print(nd["k"], nd.__missing__("j"), len(nd))
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError", e.args[0])
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
cnt = Counter("abracadabra")
print(cnt, cnt.most_common(2), cnt.most_common(), cnt["a"], cnt["z"])
print(sorted(cnt.elements()), cnt.total(), len(cnt))
cnt.update("aaz")
cnt.update({"b": 10})
print(cnt)
cnt.subtract({"a": 10})
print(cnt)
x = Counter(a=3, b=1)
y = Counter(a=1, b=2)
print(x + y, x - y, x | y, x & y)
print(Counter(), Counter([1, 1, 2]), Counter({"k": 2}), Counter(a=1) == Counter(a=1, b=0))
del x["zzz"]
print(x, list(x.keys()), list(x.values()))
words = "to be or not to be that is the question".split(" ")
print(Counter(words).most_common(3))
