# isinstance/issubclass with tuples and subclasses, callable,
# getattr/setattr/hasattr with defaults, type(x).__name__, bool().


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Base:
    kind = "base"

    def method(self):
        return "m"


class Child(Base):
    pass


class Other:
    pass


class Caller:
    def __call__(self):
        return "called"


class Guarded:
    def __getattr__(self, name):
        raise RuntimeError("lookup of " + name + " failed")


b, c = Base(), Child()
print(isinstance(3, int), isinstance(3, (str, int)), isinstance("s", (int, (float, str))), isinstance(3, ()))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), isinstance(2.0, (int, float)))
print(isinstance(c, Base), isinstance(b, Child), isinstance(c, (Other, Child)), isinstance(b, object), isinstance(3, object))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(b"", bytes), isinstance(None, type(None)))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError("k"), LookupError), isinstance(Base, type))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(bool, int), issubclass(Child, (Other, Base)))
print(issubclass(KeyError, LookupError), issubclass(int, object), issubclass(Child, Child))
attempt("isinstance list arg", lambda: isinstance(1, [int]))
attempt("isinstance instance arg", lambda: isinstance(1, b))
attempt("issubclass non class", lambda: issubclass(1, int))
attempt("issubclass bad arg 2", lambda: issubclass(int, 1))
attempt("isinstance one arg", lambda: isinstance(1))

print(callable(len), callable(Base), callable(b.method), callable(lambda: 0), callable(Caller()), callable(b), callable(3))
print(callable(str.upper), callable("".join), callable(None), callable(print))

print(getattr(b, "kind"), getattr(c, "kind"), getattr(b, "missing", "dflt"), getattr(Base, "kind"), getattr(3, "nope", None))
print(getattr(b, "method")(), hasattr(b, "kind"), hasattr(b, "missing"), hasattr(c, "method"), hasattr("s", "upper"))
setattr(b, "kind", "changed")
setattr(b, "extra", 42)
print(b.kind, getattr(b, "extra"), Base.kind, c.kind)
attempt("getattr missing", lambda: getattr(b, "missing"))
attempt("getattr int missing", lambda: getattr(3, "nope"))
attempt("getattr name int", lambda: getattr(b, 1))
attempt("hasattr name int", lambda: hasattr(b, 1))
attempt("getattr other error", lambda: getattr(Guarded(), "x", "default"))
attempt("hasattr other error", lambda: hasattr(Guarded(), "x"))

print(type(3).__name__, type("").__name__, type(1.5).__name__, type(True).__name__, type(None).__name__)
print(type([]).__name__, type(()).__name__, type({}).__name__, type(b"").__name__, type(print) is type(len))
print(type(b).__name__, type(c).__name__, Base.__name__, Child.__name__, type(Base).__name__, int.__name__)
print(type(ValueError("x")).__name__, KeyError.__name__, type(range(3)).__name__, type(reversed([])).__name__)
attempt("instance name", lambda: b.__name__)
attempt("int name", lambda: (3).__name__)

try:
    {}["missing"]
except Exception as e:
    print("caught", type(e).__name__)

print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(None), bool(0.0))
print(bool(b""), bool(b"\x00"), bool(()), bool(range(0)), bool(Base()))
attempt("bool two args", lambda: bool(1, 2))
