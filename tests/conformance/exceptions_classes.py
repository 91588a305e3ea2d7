# User-defined exception classes: raising, catching, args, str and repr.


class NotFound(Exception):
    pass


class AppError(Exception):
    def __init__(self, message, status=500):
        super().__init__(message)
        self.status = status


class BadInput(ValueError):
    """A ValueError subclass with an extra field."""

    def __init__(self, field, reason):
        ValueError.__init__(self, field, reason)
        self.field = field
        self.reason = reason

    def __str__(self):
        return "%s: %s" % (self.field, self.reason)


class NoInit(KeyError):
    pass


def lookup(key):
    raise NotFound("no such key: " + key)


try:
    lookup("spam")
except NotFound as e:
    print("caught NotFound:", e)
    print("args:", e.args)
    print("repr:", repr(e))
    print("type:", type(e).__name__, type(e) is NotFound)
    print("isinstance Exception:", isinstance(e, Exception))

try:
    raise AppError("database down", status=503)
except AppError as e:
    print(str(e), e.status, e.args)

try:
    raise AppError("plain")
except Exception as e:
    print(type(e).__name__, e.status, str(e))

try:
    raise BadInput("email", "missing @")
except ValueError as e:
    print("ValueError handler got", type(e).__name__)
    print(str(e), "|", e.field, "|", e.reason, "|", e.args)

try:
    raise NotFound
except NotFound as e:
    print("raised the class:", repr(e), e.args)

try:
    raise NoInit("k")
except LookupError as e:
    print("LookupError handler:", type(e).__name__, str(e), repr(e))

# An exception instance that is made but never raised.
e = AppError("later", 404)
print(str(e), e.status, isinstance(e, AppError), issubclass(AppError, Exception))
print(repr(NotFound()), repr(NotFound(1, "two")), str(NotFound()), str(NotFound(1, 2)))

# Hierarchies: the most specific handler wins, the order of handlers counts.
class Base(Exception):
    pass


class Middle(Base):
    pass


class Leaf(Middle):
    pass


for cls in (Base, Middle, Leaf):
    try:
        raise cls("x")
    except Leaf:
        print(cls.__name__, "-> Leaf handler")
    except Middle:
        print(cls.__name__, "-> Middle handler")
    except Base:
        print(cls.__name__, "-> Base handler")

# A tuple of classes, re-raising, and raising from inside a handler.
def risky(n):
    if n == 0:
        raise Leaf("zero")
    if n == 1:
        raise KeyError("one")
    return n


for n in range(3):
    try:
        print("result", risky(n))
    except (Middle, KeyError) as e:
        print("tuple handler", type(e).__name__, e)


def reraise():
    try:
        risky(0)
    except Leaf:
        raise


try:
    reraise()
except Base as e:
    print("re-raised", type(e).__name__, e.args)

try:
    try:
        risky(0)
    except Leaf as inner:
        raise AppError("wrapped: " + str(inner)) from inner
except AppError as outer:
    print(outer, outer.status)

# Attributes set after construction and methods on the class.
class Retry(Exception):
    attempts = 3

    def describe(self):
        return "retry %s (%d attempts)" % (self.args[0], self.attempts)


try:
    err = Retry("upload")
    err.attempts = 5
    raise err
except Retry as e:
    print(e.describe(), e.attempts, Retry.attempts)
