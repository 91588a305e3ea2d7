# Class attributes through subclasses, classmethods, staticmethods,
# properties, special methods inherited from a base, callable instances.


class Config:
    DEFAULTS = {"debug": False}
    version = 1

    def __init__(self, **values):
        self.values = dict(self.DEFAULTS)
        self.values.update(values)

    @classmethod
    def from_pairs(cls, pairs):
        return cls(**dict(pairs))

    @staticmethod
    def normalize(key):
        return key.strip().lower()

    def get(self, key):
        return self.values[self.normalize(key)]


class AppConfig(Config):
    version = 2


cfg = AppConfig.from_pairs([("debug", True), ("name", "app")])
print(type(cfg).__name__, cfg.get(" NAME "), cfg.get("Debug"))
print(AppConfig.DEFAULTS, AppConfig.version, Config.version, cfg.version)
print(AppConfig.normalize("  X "), Config.normalize("Y"))
print(Config.get(cfg, "name"), AppConfig.get(cfg, "name"))
print(AppConfig.__name__, AppConfig.__bases__[0].__name__, cfg.__class__.__name__)
print(sorted(cfg.__dict__), Config.__doc__, AppConfig.__qualname__)


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        """Degrees Fahrenheit."""
        return self._celsius * 9 / 5 + 32


t = Temperature(20)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError:
    print("fahrenheit has no setter")
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.__doc__)


class Sequence:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, item):
        return item in self.items

    def __str__(self):
        return "Sequence of %d" % len(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.items)


class Stack(Sequence):
    def push(self, item):
        self.items.append(item)


s = Stack([1, 2])
s.push(3)
print(len(s), s[0], s[-1], list(s), 2 in s, 5 in s)
print(str(s), repr(s), [s], "%s|%r" % (s, s))


class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return value * self.factor


class Doubler(Multiplier):
    def __init__(self):
        super().__init__(2)


triple = Multiplier(3)
print(triple(5), Doubler()(7), callable(triple), list(map(triple, [1, 2])))


class Middleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        environ["seen"] = environ.get("seen", 0) + 1
        return self.app(environ, start_response)


def app(environ, start_response):
    start_response("200 OK", [])
    return [str(environ["seen"]).encode()]


wrapped = Middleware(Middleware(app))
calls = []
print(wrapped({}, lambda status, headers: calls.append(status)), calls)
