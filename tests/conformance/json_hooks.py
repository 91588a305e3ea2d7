# json hooks and classes: default=, object_hook, object_pairs_hook,
# parse_float/parse_int/parse_constant, JSONEncoder/JSONDecoder, dump/load.
import io
import json

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def encode_point(obj):
    if isinstance(obj, Point):
        return {"x": obj.x, "y": obj.y}
    raise TypeError("cannot encode this object")

print(json.dumps([Point(1, 2), Point(3, 4)], default=encode_point, sort_keys=True))
print(json.dumps({"p": Point(0, 0)}, default=encode_point, sort_keys=True))
try:
    json.dumps([object()], default=encode_point)
except TypeError as e:
    print("TypeError:", e)

print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[{"x": 1}, {"y": {"z": 2}}]', object_pairs_hook=list))

def as_point(d):
    if "x" in d and "y" in d:
        return Point(d["x"], d["y"])
    return d

p = json.loads('{"x": 5, "y": 6}', object_hook=as_point)
print(isinstance(p, Point), p.x, p.y)
print(json.loads('[1.5, 2]', parse_float=str), json.loads('[1.5, 2]', parse_int=float))
print(json.loads('[NaN, Infinity]', parse_constant=str))

class PointEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Point):
            return [obj.x, obj.y]
        return json.JSONEncoder.default(self, obj)

print(json.dumps({"pt": Point(7, 8)}, cls=PointEncoder))
print(PointEncoder(indent=2).encode([Point(1, 1)]))
try:
    json.dumps([{1}], cls=PointEncoder)
except TypeError as e:
    print("TypeError:", e)
print(json.JSONEncoder(sort_keys=True, separators=(",", ":")).encode({"b": 1, "a": [1, 2]}))
enc = json.JSONEncoder()
print(enc.item_separator, enc.key_separator, enc.indent, enc.sort_keys)

dec = json.JSONDecoder()
print(dec.decode('[1, "a"]'), dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('xx[2]', 2))
print(json.loads('{"v": 1.25}', cls=json.JSONDecoder)["v"])

buf = io.StringIO()
json.dump({"k": [1, 2, 3]}, buf, sort_keys=True, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf)["k"])
print(json.load(io.StringIO('{"nested": {"deep": [true]}}'))["nested"]["deep"])
print(json.load(io.BytesIO(b'[1, 2]')))
