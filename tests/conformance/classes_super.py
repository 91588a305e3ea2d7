# super() in its zero-argument and explicit forms, through several levels.


class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base.__init__"]

    def describe(self):
        return "Base(%s)" % self.name

    @classmethod
    def create(cls, name):
        return cls(name)


class Middle(Base):
    def __init__(self, name, size):
        super().__init__(name)
        self.size = size
        self.log.append("Middle.__init__")

    def describe(self):
        return "Middle<" + super().describe() + ">"


class Leaf(Middle):
    def __init__(self, name):
        super(Leaf, self).__init__(name, 1)
        self.log.append("Leaf.__init__")

    def describe(self):
        return "Leaf[" + super().describe() + "]"

    @classmethod
    def create(cls, name):
        obj = super().create(name.upper())
        obj.log.append("Leaf.create")
        return obj


leaf = Leaf("x")
print(leaf.name, leaf.size, leaf.log)
print(leaf.describe())
made = Leaf.create("y")
print(type(made).__name__, made.name, made.log)
print(Middle("m", 5).describe())

# super() reaching object's methods.
class Plain:
    def __init__(self):
        super().__init__()
        self.ready = True

    def __setattr__(self, name, value):
        super().__setattr__(name, value)
        self.__dict__.setdefault("_set", []).append(name)

    def __repr__(self):
        return "Plain(" + super().__repr__().split(" ")[0].lstrip("<") + ")"


p = Plain()
p.x = 1
print(p.ready, p.x, p._set, repr(p))

# Diamond: each class runs once, in the method resolution order.
class A:
    def hello(self):
        return ["A"]


class B(A):
    def hello(self):
        return ["B"] + super().hello()


class C(A):
    def hello(self):
        return ["C"] + super().hello()


class D(B, C):
    def hello(self):
        return ["D"] + super().hello()


print(D().hello(), [k.__name__ for k in D.__mro__])

# Cooperative keyword arguments.
class Loud:
    def __init__(self, volume=1, **rest):
        super().__init__(**rest)
        self.volume = volume


class Colored:
    def __init__(self, color="red", **rest):
        super().__init__(**rest)
        self.color = color


class Widget(Loud, Colored):
    def __init__(self, **options):
        super().__init__(**options)


w = Widget(volume=3, color="blue")
print(w.volume, w.color)
w = Widget()
print(w.volume, w.color)

# super() inside a nested function still finds the method's class.
class Outer(Base):
    def describe(self):
        parts = [super().describe()]
        return "/".join(parts)


print(Outer("o").describe())
