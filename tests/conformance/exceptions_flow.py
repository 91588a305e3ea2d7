# Exceptions crossing functions, loops, finally blocks and sys.exc_info.
import sys


class ParseError(Exception):
    def __init__(self, line, message):
        super().__init__("line %d: %s" % (line, message))
        self.line = line


def parse(lines):
    out = []
    for number, text in enumerate(lines, 1):
        if "=" not in text:
            raise ParseError(number, "expected key=value")
        key, value = text.split("=", 1)
        out.append((key.strip(), value.strip()))
    return out


for doc in (["a = 1", "b = 2"], ["a = 1", "oops"]):
    try:
        print(parse(doc))
    except ParseError as e:
        print("error at", e.line, "-", e)

# finally runs, and the exception keeps going.
log = []


def guarded():
    try:
        raise ParseError(7, "bad")
    finally:
        log.append("cleanup")


try:
    guarded()
except ParseError as e:
    log.append("caught line %d" % e.line)
print(log)

# sys.exc_info sees the instance.
try:
    raise ParseError(3, "info")
except ParseError:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value.line, str(value))
print(sys.exc_info() == (None, None, None))

# Raised inside a generator, caught by the consumer.
def numbers():
    yield 1
    yield 2
    raise ParseError(9, "generator failed")


seen = []
try:
    for n in numbers():
        seen.append(n)
except ParseError as e:
    print("generator error after", seen, "->", e)

# Exceptions stored and compared.
errors = []
for i in range(3):
    try:
        if i % 2:
            raise ParseError(i, "odd")
        raise KeyError(i)
    except (ParseError, KeyError) as e:
        errors.append(e)
print([type(e).__name__ for e in errors])
print([e.args for e in errors])
print(errors[1].line, isinstance(errors[0], LookupError))

# A handler that inspects the class hierarchy.
class HTTPError(Exception):
    code = 500


class NotFoundError(HTTPError):
    code = 404


class Forbidden(HTTPError):
    code = 403


def status_for(exc):
    if isinstance(exc, HTTPError):
        return exc.code
    return 500


for exc in (NotFoundError("/x"), Forbidden("/admin"), HTTPError(), ValueError()):
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, status_for(e), e.args)

# Class attributes reached through instances and the class.
print(NotFoundError.code, HTTPError.code, NotFoundError("p").code)
print([c.__name__ for c in NotFoundError.__mro__])

# A context manager's __exit__ sees the instance, and may swallow it.
class Guard:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is not None:
            print("exit saw", exc_type.__name__, getattr(exc, "line", None), str(exc))
        return isinstance(exc, ParseError)


with Guard():
    raise ParseError(12, "inside with")
try:
    with Guard():
        raise KeyError("passes through")
except KeyError as e:
    print("KeyError got out:", e)

# getattr and hasattr on exceptions that lack the attribute.
plain = KeyError("k")
print(getattr(plain, "line", "no line"), hasattr(plain, "errno"), hasattr(plain, "args"))
print(getattr(ParseError(4, "x"), "line", None), hasattr(ParseError(5, "y"), "line"))
