# f-strings: fields, conversions, doubled braces, prefixes and implicit
# concatenation with plain string literals.

name = "world"
count = 3
ratio = 0.5
items = ["a", "b"]
nothing = None

print(f"hello {name}!")
print(F"{count} items, ratio {ratio}, list {items}, none {nothing}")
print(f'{name!r} {name!s} {name!a}')
tab = 'tab\there'
print(f"{'café'!a} {'café'!r} {tab!r}")
print(f"{{}} {{name}} {{{name}}} }}{{")
print(f"")
print(f"no fields at all")
print(f"{count}{count}{count}")
print(f"{count + 1} {count * ratio} {count // 2} {-count}")
print(f"{items[0]} {items[-1]} {len(items)} {items[::-1]}")
print(f"{name.upper()} {name[1:3]} {name.replace('o', '0')}")
print(f"{count > 2} {count == 3} {count != 4} {not count}")
print(f"{'yes' if count else 'no'} {count if count > 5 else 0}")
print(f"{[i * 2 for i in range(4)]} {sum(i for i in range(5))}")
print(f"{(lambda x: x + 1)(count)}")
print(f"{ name }|{  count  }|")

# prefixes
print(rf"raw \n {name}", fr'\t{count}', Rf"\d{{2}}", fR"{name}\x")
print(f"escapes \t|\x41|\u00e9|\\|{name}")

# implicit concatenation, on one line and across lines in brackets
print("plain " f"{name} " 'single ' f'{count}')
message = ("first line "  # a comment between the parts
           f"{name} "
           "last")
print(message)
print(f"a" f"b" f"c", "x" f"" "y")

# the result is an ordinary str
s = f"{count}-{name}"
print(type(s).__name__, len(s), s.split("-"), s * 2, s + "!")
print(f"{name}"[0], f"{count}".zfill(4), f"{name}".title())

# names that shadow builtins do not disturb the formatting
def shadowing(str, repr, format):
    return f"{str} {repr!r} {format:>3}"

print(shadowing(1, "two", 3))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

    def __str__(self):
        return "(" + str(self.x) + ", " + str(self.y) + ")"


p = Point(1, 2)
print(f"{p} {p!r} {p!s} {p.x + p.y}")


class Config:
    scale = 10
    label = f"scale={scale}"


print(Config.label)


def greet(who, punctuation="!"):
    return f"Hello, {who}{punctuation}"


print(greet("gowsgi"), greet(name, "?"))
print([f"{i}:{c}" for i, c in enumerate("xyz")])
print({f"k{i}": i for i in range(2)})
