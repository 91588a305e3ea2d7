# functools: reduce, partial, wraps/update_wrapper, lru_cache, cache,
# cached_property, cmp_to_key. Decorators use the plain `@name` form.
from functools import cache, cached_property, cmp_to_key, lru_cache, partial, reduce, update_wrapper, wraps
import functools

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(max, [3, 9, 2]))
print(functools.reduce(lambda a, b: a + b, ["x"], ""), reduce(lambda a, b: a + b, [], 0))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)

def power(base, exp=2, mod=None):
    value = base ** exp
    if mod is not None:
        value = value % mod
    return value

square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
print(square(7), cube_mod(3), partial(power, 2)(10), partial(power, 2, 3)(), square(3, exp=3))
print(square.func is power, square.args, square.keywords["exp"], partial(partial(power, 2), 5).args)
to_int = partial(int, base=2)
print(to_int("101"), to_int("11"))

def logged(fn):
    target = fn
    def wrapper(*args, **kwargs):
        return target(*args, **kwargs)
    return wraps(fn)(wrapper)

def add(a, b):
    "Add two numbers."
    return a + b

add = logged(add)
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1), add.__qualname__, add.__module__)

def plain():
    pass

def original():
    "Original doc."

update_wrapper(plain, original)
print(plain.__name__, plain.__doc__, plain.__wrapped__ is original)
calls = []

@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info().currsize, fib(10), fib.cache_info().misses)

@lru_cache(maxsize=2)
def ident(x):
    calls.append(x)
    return x

calls = []
for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(calls, ident.cache_info())

@lru_cache
def noparens(x):
    return x * 2

@cache
def cached(x):
    return [x]

print(noparens(4), cached(1) is cached(1), noparens.__name__, cached.cache_info().hits)

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area, c.computed)

def compare(a, b):
    return len(a) - len(b)

print(sorted(["ccc", "a", "bb"], key=cmp_to_key(compare)), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
