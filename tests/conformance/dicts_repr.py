# repr and str of dicts: nested containers, every key type, quotes in
# strings, dicts that contain themselves, and views.

print({})
print({"a": 1})
print({"s": "it's", "d": 'say "hi"', "both": "'\""})
print({1: 1.5, 2: -0.25, 3: 1e100, 4: None, 5: True, 6: False})
print({(1, 2): [3, 4], "nested": {"inner": {"deep": []}}})
print({b"bytes": b"\x00\xff", "unicode": "é€", "escape": "a\nb\tc"})
print(str({"x": [1, {"y": (2, 3)}]}), repr({"k": "v"}))
print([{"a": 1}, {"b": 2}], ({"t": 1}, 2))
print({"list": [], "tuple": (), "dict": {}})


class Item:
    def __repr__(self):
        return "Item()"


print({Item(): Item()}.values())

looped = {"name": "loop"}
looped["self"] = looped
print(looped)
outer = {"inner": {}}
outer["inner"]["outer"] = outer
print(outer)
pair = [looped]
print(pair)

d = {"one": 1, 2: "two", (3, 4): [3]}
print(d.keys())
print(d.values())
print(d.items())
print(str(d.keys()), len(d.items()))
print(list(d.items())[1], sorted(str(k) for k in d))

print("dict: " + str({"k": 0}))
print({"k": "v"}.__repr__(), {"k": "v"}.__str__())
