# __slots__, docstrings, property deleters, class constants and identity.


class Point:
    """A point with slots."""

    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Point3(Point):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p = Point3(1, 2, 3)
print(p, p.z, Point.__slots__, Point3.__slots__, Point.__doc__)


def documented():
    """Says hello."""
    return "hello"


print(documented.__doc__, documented.__name__, Point3.__doc__)


class Cached:
    def __init__(self):
        self._value = None
        self.loads = 0

    @property
    def value(self):
        if self._value is None:
            self.loads += 1
            self._value = "loaded"
        return self._value

    @value.deleter
    def value(self):
        self._value = None


c = Cached()
print(c.value, c.value, c.loads)
del c.value
print(c.value, c.loads)


class Color:
    RED = "red"
    GREEN = "green"
    ALL = (RED, GREEN)

    @classmethod
    def parse(cls, text):
        if text not in cls.ALL:
            raise ValueError("unknown color %r" % text)
        return text


class Palette(Color):
    BLUE = "blue"
    ALL = Color.ALL + (BLUE,)


print(Palette.RED, Palette.ALL, Palette.parse("blue"), Color.ALL)
try:
    Color.parse("blue")
except ValueError as e:
    print(e)

print(type(p) is Point3, type(p) is Point, isinstance(p, Point), issubclass(Point3, (int, Point)))
print(Point3.__name__, Point3.__mro__[1].__name__, p.__class__ is Point3)
handlers = {Point: "point", Cached: "cached"}
print(handlers[type(Point(0, 0))], handlers.get(type(c)), Point in handlers)


class Node:
    instances = 0

    def __init__(self, children=()):
        Node.instances += 1
        self.children = list(children)

    def walk(self):
        yield self
        for child in self.children:
            for node in child.walk():
                yield node


tree = Node([Node(), Node([Node(), Node()])])
print(Node.instances, len(list(tree.walk())), tree.instances)
