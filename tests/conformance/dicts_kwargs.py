# dict() and keyword arguments: the order keywords are written in, **
# unpacking of dicts, **kwargs parameters, and isinstance checks.

print(dict(b=1, a=2), dict(), dict({}), dict([]))
print(dict({"x": 1}, y=2, z=3), dict([("k", "v")], w=0))
d = {"first": 1}
d.update(third=3, second=2)
print(d)
d.update({"z": 0}, y=1, x=2)
print(d)


def show(*args, **kwargs):
    return (args, kwargs)


print(show(1, 2, a=1))
print(show(**{"only": 1}))
options = {"sep": "-", "end": "!\n"}
print("a", "b", **options)
merged = dict(options, flush=False)
print(sorted(merged))


def configure(host, port=80, **extra):
    return host + ":" + str(port) + " " + str(sorted(extra.items()))


settings = {"host": "example.org", "port": 8080}
print(configure(**settings))
print(configure(**{"host": "h", "debug": True, "timeout": 3}))
print(configure("h", **dict(port=1)))


def passthrough(**kwargs):
    return configure("p", **kwargs)


print(passthrough(a=1, port=2))


def keys_of(**kwargs):
    kwargs["added"] = True
    return isinstance(kwargs, dict), len(kwargs), "added" in kwargs


print(keys_of(x=1, y=2))

try:
    show(**{1: "int key"})
except TypeError as err:
    print("TypeError:", err.args[0])
try:
    show(**[("a", 1)])
except TypeError as err:
    print("TypeError for a list after **")


class Mapping:
    def keys(self):
        return ["m", "n"]

    def __getitem__(self, key):
        return key.upper()


print(show(**Mapping()))
print(dict(Mapping()))
print("{greeting}, {name}".format(**{"greeting": "hi", "name": "you"}))

# isinstance and type
e = {}
print(isinstance(e, dict), isinstance({1: 2}, dict), type(e) is dict, type(e).__name__)
print(isinstance(dict(), dict), isinstance(dict(a=1), (list, dict)), isinstance([], dict))
print(isinstance(globals(), dict), isinstance(show(x=1)[1], dict))

# equality between dicts does not depend on order
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: "x"} == {1.0: "x"}, {} == {})
print({"a": [1]} == {"a": [1]}, {"a": 1} != {"a": 2}, {"a": 1} == {"a": 1, "b": 2})
print({"a": 1} == [("a", 1)], dict(a=1) == {"a": 1})
