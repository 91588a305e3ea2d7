# dict methods with str keys: get, pop, popitem, setdefault, copy, clear,
# fromkeys. Multi-key dicts are shown sorted, since gpython's dict does
# not keep insertion order.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def show(d):
    return sorted(d.items())


d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("zz"), d.get("zz", "dflt"), d.get(1), d.get(1, "int key"))
print(d.pop("b"), show(d), d.pop("zz", None), d.pop("zz", 0))
attempt("pop missing", lambda: d.pop("zz"))
attempt("pop int", lambda: d.pop(5))
attempt("get no args", lambda: d.get())
attempt("pop kwargs", lambda: d.pop(key="a"))

single = {"only": "one"}
print(single.popitem(), single)
attempt("popitem empty", lambda: single.popitem())
attempt("popitem args", lambda: {"x": 1}.popitem(1))

s = {}
print(s.setdefault("k", []), s.setdefault("k", "ignored"), s)
s.setdefault("k").append(1)
s.setdefault("n")
print(show(s))
attempt("setdefault list key", lambda: {}.setdefault([1], 2))

orig = {"x": [1], "y": 2}
dup = orig.copy()
dup["y"] = 3
dup["x"].append(2)
print(show(orig), show(dup), dup == orig)
orig.clear()
print(orig, len(orig), orig.clear())

print(show(dict.fromkeys(["a", "b"])), show(dict.fromkeys("xy", 0)), dict.fromkeys([]))
print(show({}.fromkeys(("p", "q"), "v")), show(dict.fromkeys(k for k in ["g"])))
shared = dict.fromkeys(["m", "n"], [])
shared["m"].append(1)
print(show(shared))
attempt("fromkeys int", lambda: dict.fromkeys(3))
attempt("fromkeys no args", lambda: dict.fromkeys())

counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(show(counts))

groups = {}
for name in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(name[0], []).append(name)
print(show(groups))

env = {"PATH_INFO": "/x", "REQUEST_METHOD": "GET"}
method = env.pop("REQUEST_METHOD", "GET")
print(method, show(env), env.get("QUERY_STRING", ""), "PATH_INFO" in env, "nope" in env)
print(dict.get(env, "PATH_INFO"), list(map(env.get, ["PATH_INFO", "missing"])))
