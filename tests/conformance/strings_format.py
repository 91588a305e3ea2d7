# str.format: fields by position, keyword, index, attribute, automatic
# numbering, escapes, conversions and nested specs; str.format_map.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

    def __str__(self):
        return "(" + str(self.x) + "," + str(self.y) + ")"


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = str(self.cents // 100) + "." + str(self.cents % 100).zfill(2)
        return format(text, spec)


p = Point(3, -4)
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=7))
print("{0[1]} {0[0]} {1[k]}".format(["x", "y"], {"k": "v"}))
print("{0.x} {0.y} {p.x}".format(p, p=p))
print("{0[1][0]} {d[a][1]}".format([0, "nested"], d={"a": [1, 2]}))
print("{{}} {{{0}}} {{x}}".format(5))
print("{!r} {!s} {!a}".format("quote'd", p, "caf\u00e9"))
print("{!s}|{!r}|{!s}|{}".format("x", "x", 2.5, 1e16))
print("{0!r:>20}|{0!s:<10}|".format(p))
print("[{:>8}] [{:<8}] [{:^8}] [{:*^9}]".format("r", "l", "c", "mid"))
print("[{:{}}] [{:{w}.{p}f}] [{:>{}}]".format("ab", 5, 3.14159, "x", 4, w=10, p=2))
print("[{0:{1}}] [{0:{fill}{align}{width}}]".format("v", 6, fill="-", align="^", width=7))
print("{:,} {:_} {:08.3f} {:+d} {:x} {:#o} {:e} {:.1%}".format(1234567, 1234567, 3.14159, 5, 255, 8, 12345.678, 0.256))
print("{} {} {}".format(True, None, [1, "a"]))
print("{:d} {:5} {:<5}|".format(True, False, True))
print("{} {:>10} {:.2f}".format(Money(1234), Money(5), 2.675))
print("{:>12}".format(Money(99999)))
print("{0}{1}{0}".format("ab", "\u00e9"), "{:\u00b7^7}".format("\u00e9"))
print("plain text", "".format(), "{}".format(""))
print("{0:}|{0:s}|{0:10}|".format("t"))
print("{x}-{y}".format_map({"x": 1, "y": "two"}))
print("{0[0]}".format("str"), "{0[-1]}".format({"-1": "neg key"}))

attempt("unclosed", lambda: "{".format(1))
attempt("single close", lambda: "}".format(1))
attempt("close after field", lambda: "{0}}".format(1))
attempt("open no close", lambda: "{0".format(1))
attempt("bad conversion", lambda: "{0!x}".format(1))
attempt("conversion no colon", lambda: "{0!rr}".format(1))
attempt("empty conversion", lambda: "{0!}".format(1))
attempt("empty attribute", lambda: "{0.}".format(1))
attempt("junk after index", lambda: "{0[0]x}".format([1]))
attempt("missing bracket", lambda: "{0[}".format([1]))
attempt("auto then manual", lambda: "{}{1}".format(1, 2))
attempt("manual then auto", lambda: "{1}{}".format(1, 2))
attempt("index out of range", lambda: "{2}".format(1, 2))
attempt("auto out of range", lambda: "{}{}".format(1))
attempt("missing keyword", lambda: "{missing}".format(a=1))
attempt("missing attribute", lambda: "{0.nope}".format(p))
attempt("too deep", lambda: "{:{:{}}}".format(1, 2, 3))
attempt("spec on list", lambda: "{:>5}".format([1]))
attempt("bad spec", lambda: "{:abc}".format(1))
attempt("format_map missing", lambda: "{k}".format_map({}))
attempt("brace in name", lambda: "{a{b}".format(a=1))
