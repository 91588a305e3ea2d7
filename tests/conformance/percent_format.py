# printf-style formatting with the % operator.

print("%s" % "text", "%s" % 42, "%s" % 2.5, "%s" % None, "%s" % [1, "a"])
print("%s" % {"a": 1, "b": [2]}, "%r" % {"k": "v"}, "%s" % ((1, 2),))
print("%d items" % 3, "%i/%u" % (7, 8), "%d" % 3.99, "%d" % -3.99, "%d" % True)
print("%(name)s is %(age)d years" % {"name": "Ada", "age": 36})
print("%r %r %r" % ("x", 1, [None]), "%a" % "caf\u00e9")
print("[%5.2f] [%-10s] [%10s] [%05d] [%+d] [% d]" % (3.14159, "left", "right", 42, 5, 7))
print("[%x] [%X] [%#x] [%#o] [%o] [%08.3f] [%-8d]" % (255, 255, 255, 8, 8, -3.5, 12))
print("[%e] [%.2E] [%g] [%G] [%.3g] [%10.4g]" % (12345.678, 0.000123, 0.00001, 1e20, 1234567, 3.14159))
print("[%c%c] [%.3s] [%5.1s] [%%] [%s%%]" % (72, "i", "abcdef", "xyz", 50))
print("[%*d] [%-*d] [%.*f]" % (6, 42, 6, 42, 2, 2.71828))
print("%s and %s" % ("tuple", "args"), "%s" % ("single",), "no args" % ())
print("%.0f %.0f %.1f %f" % (0.5, 1.5, 0.05, 1 / 3))
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")))
print("%d %x" % (2 ** 70, 2 ** 70), "%5s|%-5s|" % ("ab", "cd"))
print("%(a)s %(a)r %(b)05.1f" % {"a": "x", "b": 2.25})

table = [("apples", 3, 0.5), ("kiwis", 12, 0.25)]
for name, count, price in table:
    print("%-8s %4d x %6.2f = %7.2f" % (name, count, price, count * price))

fmt = "%s=%s"
pairs = ", ".join(fmt % (k, v) for k, v in [("a", 1), ("b", 2)])
print(pairs)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(1, 2)
print("%s %r" % (p, p), "at %s" % p)

# Modulo of numbers is untouched.
a, b = 17, 5
print(a % b, -a % b, 7.5 % 2, a % -b, 2 ** 10 % 1000)


def attempt(label, fn):
    try:
        print(label, fn())
    except (TypeError, ValueError, KeyError) as e:
        print(label, type(e).__name__ + ":", e)


attempt("too few", lambda: "%s %s" % ("one",))
attempt("too many", lambda: "%s" % (1, 2))
attempt("bad number", lambda: "%d" % "x")
attempt("bad float", lambda: "%f" % "x")
attempt("hex of float", lambda: "%x" % 1.5)
attempt("unknown", lambda: "%y" % 1)
attempt("incomplete", lambda: "50%" % ())
attempt("missing key", lambda: "%(x)s" % {"y": 1})
attempt("needs mapping", lambda: "%(x)s" % (1,))
attempt("mapping unused", lambda: "plain" % {"x": 1})
attempt("bad char", lambda: "%c" % "ab")
