# dict.update from a dict, an object with keys(), pairs, and keywords;
# dict views: keys/values/items with len, in, iteration and repr.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def show(d):
    return sorted(d.items())


class Mapping:
    def keys(self):
        return ["m1", "m2"]

    def __getitem__(self, key):
        return key.upper()


d = {"a": 1}
print(d.update({"b": 2, "a": 10}), show(d))
d.update([("c", 3), ["d", 4]])
print(show(d))
d.update(e=5, a=0)
print(show(d))
d.update({"f": 6}, g=7)
print(show(d))
d.update(Mapping())
print(show(d))
d.update(("xy", "zw"))
print(show(d))
d.update()
d.update([])
print(len(d))
attempt("update bad length", lambda: d.update([("a", 1, 2)]))
attempt("update not pairs", lambda: d.update([1]))
attempt("update int", lambda: d.update(5))
attempt("update two args", lambda: d.update({}, {}))

v = {"b": 2, "a": 1}
ks, vs, its = v.keys(), v.values(), v.items()
print(len(ks), len(vs), len(its), sorted(ks), sorted(vs), sorted(its))
print("a" in ks, "z" in ks, 1 in ks, 2 in vs, 9 in vs, ("a", 1) in its, ("a", 2) in its, "a" in its)
v["c"] = 3
print(len(ks), sorted(ks), sorted(vs), "c" in ks)
pairs = list(zip(v.keys(), v.values()))
print(sorted(pairs), all(v[k] == val for k, val in pairs))
print(sorted(k for k in v.keys()), sorted(val for val in v.values()), sorted(k + str(n) for k, n in v.items()))
print(list({}.keys()), list({}.values()), list({}.items()), bool({}.keys()), bool(ks))
print({"one": 1}.keys(), {"one": 1}.values(), {"one": 1}.items())
print(type(ks).__name__, type(vs).__name__, type(its).__name__)
print(list(reversed({"k": 1}.keys())), sorted(list(ks) + ["z"]))
total = 0
for key, value in v.items():
    total += value
print(total, max(v.values()), min(v.keys()), sorted(v, key=lambda k: -v[k]))
