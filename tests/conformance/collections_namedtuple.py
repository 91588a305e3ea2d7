# collections.namedtuple: fields, indexing, unpacking, methods, subclasses.
import json
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[1], p[-1], len(p), p[:1] == (1,))
x, y = p
print(x, y, Point._fields, p == (1, 2), p == Point(1, 2), p != Point(2, 1))
print(p._asdict()["x"], json.dumps(p._asdict(), sort_keys=True), p._replace(x=5), p)
print(Point._make([3, 4]), Point._make(range(2)), list(p), tuple(p) == (1, 2), 2 in p)
print(p.count(1), p.index(2), p + (3,) == (1, 2, 3), Point(1, 2) < Point(1, 3), Point(2, 0) > Point(1, 9))
print(json.dumps(p), json.dumps({"pt": Point(5, 6)}))
Color = namedtuple("Color", ["red", "green", "blue"])
print(Color(255, 128, 0), Color._fields)
Row = namedtuple("Row", "id, name,  value")
print(Row(1, "n", None), Row._fields)
Opt = namedtuple("Opt", "a b c", defaults=[2, 3])
print(Opt(1), Opt(1, c=9), Opt._field_defaults["b"])
R = namedtuple("R", ["ok", "def", "ok", "_x"], rename=True)
print(R._fields)
for args in [("Bad", "x 1y"), ("Bad", "x def"), ("Bad", "x _y"), ("Bad", "x x"), ("1Bad", "x")]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError:", e)
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError:
    print("AttributeError: read-only field")
try:
    p[2]
except IndexError as e:
    print("IndexError:", e)

class Vector(namedtuple("Vector", "x y")):
    __slots__ = ()

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __str__(self):
        return "<" + str(self.x) + ", " + str(self.y) + ">"

v = Vector(3, 4)
print(v.norm2(), v.x, v[1], repr(v), str(v), v == (3, 4), isinstance(v, Vector))
print(Vector._make([1, 1]).norm2())
records = [Point(i, i * i) for i in range(4)]
print(records[2], [r.y for r in records], sum(r.x for r in records))
