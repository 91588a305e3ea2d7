# sys.exc_info() with nested handlers, in functions called from handlers,
# and bare raise re-raising the exception being handled.

import sys


def current():
    t, v, _ = sys.exc_info()
    if t is None:
        return "none"
    return t.__name__ + "(" + repr(v.args[0]) + ")"


def log_current(label):
    print(label + ":", current())


try:
    raise ValueError("outer")
except ValueError:
    log_current("outer handler")
    try:
        raise KeyError("inner")
    except KeyError:
        log_current("inner handler")
    log_current("back in outer handler")
log_current("after both")


def deep(n):
    if n == 0:
        return current()
    return deep(n - 1)


try:
    raise TypeError("deep")
except TypeError:
    print("seen from deep calls:", deep(5))


def reraise():
    raise


try:
    try:
        raise NameError("re-raised by a helper")
    except NameError:
        reraise()
except NameError as e:
    print("helper re-raised:", repr(e.args[0]))

try:
    try:
        raise OSError("bare raise")
    except OSError:
        log_current("before bare raise")
        raise
except OSError as e:
    print("caught again:", repr(e.args[0]))

try:
    reraise()
except RuntimeError as e:
    print("nothing to re-raise:", e.args[0])


def handle(exc_type):
    try:
        raise exc_type("from handle")
    except ArithmeticError:
        return "arithmetic: " + current()
    except LookupError:
        return "lookup: " + current()


print(handle(ZeroDivisionError))
print(handle(IndexError))
try:
    handle(AttributeError)
except AttributeError:
    print("escaped handle:", current())


class Resource:
    def __init__(self):
        self.log = []

    def use(self, fail):
        try:
            if fail:
                raise ValueError("use failed")
            self.log.append("ok " + current())
        except ValueError:
            self.log.append("handled " + current())
            self.cleanup()
        finally:
            self.log.append("finally " + current())

    def cleanup(self):
        self.log.append("cleanup sees " + current())


r = Resource()
r.use(False)
r.use(True)
for entry in r.log:
    print(entry)

results = []
for exc in (ValueError, KeyError, TypeError):
    try:
        try:
            raise exc("round")
        except (ValueError, KeyError):
            results.append("inner " + current())
            raise
    except Exception:
        results.append("outer " + current())
print(results)
log_current("end")
