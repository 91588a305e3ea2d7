# Errors raised while a for loop or a comprehension asks for the next item.


def numbers(limit, fail_at=None):
    for i in range(limit):
        if i == fail_at:
            raise ValueError("failed at %d" % i)
        yield i


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def loop_sum(it):
    total = 0
    for n in it:
        total += n
    return total


attempt("full", lambda: loop_sum(numbers(4)))
attempt("fails", lambda: loop_sum(numbers(4, fail_at=2)))
attempt("list comp", lambda: [n * 2 for n in numbers(5, fail_at=3)])
attempt("set comp", lambda: {n for n in numbers(5, fail_at=1)})
attempt("dict comp", lambda: {n: n for n in numbers(5, fail_at=4)})
attempt("list()", lambda: list(numbers(3, fail_at=0)))


def grow_while_iterating():
    d = {"a": 1, "b": 2}
    for key in d:
        d[key + "!"] = 0
    return d


def shrink_while_iterating():
    d = {"a": 1, "b": 2, "c": 3}
    for key in d:
        del d[key]
    return d


attempt("dict grows", grow_while_iterating)
attempt("dict shrinks", shrink_while_iterating)


def safe_update():
    d = {"a": 1, "b": 2}
    for key in list(d):
        d[key + "!"] = 0
    return sorted(d)


attempt("copy first", safe_update)


# else clauses still run only when the loop was not broken.
def find(items, wanted):
    for item in items:
        if item == wanted:
            result = "found " + str(item)
            break
    else:
        result = "missing"
    return result


print(find(numbers(5), 3), find(numbers(5), 9), find([1, 2], 2), find(iter([]), 1))


# Nested loops, generators feeding generators, errors from __next__.
def pipeline(source):
    for n in source:
        if n > 2:
            raise RuntimeError("too big: %d" % n)
        yield n * 10


def consume():
    out = []
    for x in pipeline(numbers(6)):
        for y in numbers(2):
            out.append(x + y)
    return out


attempt("pipeline", consume)


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current < 0:
            raise StopIteration
        if self.current == 1:
            raise KeyError("one")
        self.current -= 1
        return self.current + 1


attempt("iterator class", lambda: [n for n in Countdown(3)])
attempt("iterator loop", lambda: loop_sum(Countdown(4)))


class NotAnIterator:
    def __iter__(self):
        return 42


attempt("bad __iter__", lambda: loop_sum(NotAnIterator()))

# Iterating bytes, ranges, strings and lists keeps working.
for chunk in (b"ab", range(3), "xy", [1.5, None], (True,)):
    print([item for item in chunk], end=" ")
print()
total = 0
for byte in b"\x01\x02\x03":
    total += byte
print(total)
