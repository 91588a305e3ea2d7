# sys.exc_info() inside and outside except handlers.

import sys


def show(label):
    t, v, tb = sys.exc_info()
    if t is None:
        print(label, "-> no exception", v is None, tb is None)
    else:
        print(label, "->", t.__name__, repr(v.args[0]), isinstance(v, t))


show("module level")

try:
    raise ValueError("bad value")
except ValueError:
    show("handler without name")

show("after the handler")

try:
    raise KeyError("missing")
except KeyError as e:
    show("handler with name")
    print("same object:", sys.exc_info()[1] is e)

try:
    raise ZeroDivisionError("division by zero")
except (TypeError, ZeroDivisionError) as e:
    show("tuple of types")

try:
    raise ValueError("invalid literal")
except Exception:
    show("base class catches")

try:
    raise IndexError("list index out of range")
except:
    show("bare except")


def raiser():
    raise RuntimeError("from a function")


try:
    raiser()
except RuntimeError:
    show("raised in a function")


def inside_function():
    show("function start")
    try:
        raise LookupError("inner")
    except LookupError:
        show("function handler")
        return sys.exc_info()[0].__name__
    finally:
        show("function finally")


print("returned", inside_function())
show("after the function")


def handler_returns_early():
    for i in range(3):
        try:
            raise IndexError(i)
        except IndexError:
            if i == 1:
                return "stopped at " + str(i)
            continue
    return "never"


print(handler_returns_early())
show("after return from handler")

for i in range(2):
    try:
        raise OSError("loop " + str(i))
    except OSError:
        show("loop handler")
        if i == 1:
            break
show("after break")

try:
    try:
        raise TypeError("will be replaced")
    except TypeError:
        raise AttributeError("replacement")
except AttributeError:
    show("exception raised inside a handler")

show("end")
