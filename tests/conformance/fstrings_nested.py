# f-strings: quotes of the other kind inside fields, nested f-strings,
# triple-quoted and multi-line f-strings, dict and call expressions, and
# the line numbers of errors raised inside them.

d = {"key": "value", "n": 2}
names = ["ann", "bob"]
print(f"{d['key']} {d['n']}")
print(f'{d["key"]} {"quoted"} {names[0]!r}')
print(f"""{d['key']} {d["n"]} {'''triple''' } {"x" + 'y'}""")
print(f'''{'single'} and {"double"} and {d["key"]!r}''')
print(f"{f'{names[1]}'}")
print(f"outer {f'inner {names[0]}'} done")
print(f"{', '.join(f'<{n}>' for n in names)}")
print(f"{ {'a': 1}['a'] } {({'b': 2})['b']}")
print(f"{dict(x=1)['x']} {len({1: 2, 3: 4})}")
print(f"{names!r:>20}")

# a multi-line f-string keeps its line breaks
text = f"""Dear {names[0].title()},
  you have {len(names)} friends:
    {', '.join(names)}
Bye"""
print(text)

# fields may span lines inside a triple-quoted f-string
total = f"""sum={
    1 +
    2
}"""
print(total)

# f-strings inside expressions of every kind
values = [f"{i}" for i in range(3)] + [f"{c}{c}" for c in "ab"]
print(values, {f"k{i}": f"v{i}" for i in range(2)}, [f"t"])
print(f"{'nested' + f'{1 + 1}'}", [f"{x}" for x in (f"{y}" for y in "pq")])


def describe(obj):
    return f"{type(obj).__name__}:{obj!r}"


print(describe(1), describe("s"), describe(None), describe([1]))


def broken(value):
    return f"""first line
second {value}
third {value / 0}
"""


try:
    broken(1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

lines = []
for i in range(3):
    lines.append(f"line {i}: {'even' if i % 2 == 0 else 'odd'}")
print("\n".join(lines))
print(f"{'-' * 10}")
