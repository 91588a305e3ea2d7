# Classes deriving from dict.
import json


class AttrDict(dict):
    __getattr__ = dict.__getitem__

    def __setattr__(self, key, value):
        self[key] = value


class Headers(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())


class Counts(dict):
    def __missing__(self, key):
        return 0


class Tagged(dict):
    def __init__(self, tag, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag

    def __repr__(self):
        return "Tagged(%s, %s)" % (self.tag, dict.__repr__(self))

    def keys_upper(self):
        return [k.upper() for k in self]


a = AttrDict(x=1)
a.y = 2
print(a.x, a["y"], a, type(a).__name__, isinstance(a, dict), len(a))
try:
    a.missing
except KeyError as e:
    print("KeyError", e)

h = Headers()
h["Content-Type"] = "text/html"
h["X-Count"] = "3"
print(h["CONTENT-TYPE"], "content-type" in h, "Accept" in h, list(h), dict(h))
print(sorted(h.items()), h.get("x-count"), len(h))

c = Counts()
for word in "the cat and the hat and the bat".split():
    c[word] += 1
print(c["the"], c["dog"], sorted(c.items()), c.get("dog"))

t = Tagged("t1", {"k": 1}, z=2)
print(t, t.tag, t["k"], sorted(t.items()), repr([t]), t.keys_upper())
print(t == {"k": 1, "z": 2}, {"k": 1, "z": 2} == t, bool(Tagged("empty")), bool(t))
print(json.dumps(t, sort_keys=True), type(t.copy()).__name__, dict(t) == t)
for key in t:
    print("key", key)
t.setdefault("n", []).append(1)
print(t.pop("z"), sorted(t), issubclass(Tagged, dict), type(t) is dict)


def show(**kwargs):
    return sorted(kwargs.items())


print(show(**t), show(**Headers(a=1)))


class Registry(dict):
    def register(self, name):
        def decorator(fn):
            self[name] = fn
            return fn
        return decorator


routes = Registry()


@routes.register("/")
def index():
    return "home"


@routes.register("/about")
def about():
    return "about us"


print(sorted(routes), routes["/"](), routes["/about"]())
