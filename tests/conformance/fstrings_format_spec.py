# f-strings with format specs: alignment, fill, width, precision, signs,
# grouping, bases, percentages, and specs built from nested fields.

pi = 3.14159265
n = 1234567
neg = -42
word = "gowsgi"

print(f"[{word:10}] [{word:<10}] [{word:>10}] [{word:^10}]")
print(f"[{word:*^12}] [{word:.>9}] [{word:_<8}] [{word:.3}]")
print(f"[{n:10}] [{n:<10}] [{n:^10}] [{n:010}]")
print(f"[{n:,}] [{n:_}] [{n:+,}] [{neg:,}]")
print(f"[{neg:+}] [{n:+}] [{n: }] [{neg: }] [{neg:=8}] [{neg:08}]")
print(f"[{255:b}] [{255:o}] [{255:x}] [{255:X}] [{255:#b}] [{255:#o}] [{255:#x}]")
print(f"[{255:08b}] [{255:#010x}] [{65:c}] [{255:d}]")
print(f"[{pi:f}] [{pi:.2f}] [{pi:10.3f}] [{pi:<10.1f}] [{pi:+.4f}]")
print(f"[{pi:e}] [{pi:.2e}] [{pi:E}] [{n:.3e}]")
print(f"[{pi:g}] [{pi:.3g}] [{1e20:g}] [{0.0001:g}] [{1e-5:g}]")
print(f"[{0.25:%}] [{0.25:.1%}] [{1:.0%}]")
print(f"[{1234.5678:,.2f}] [{-0.5:.0f}] [{2.5:.0f}] [{1.005:.2f}]")
print(f"[{True}] [{True:d}] [{False:>6}] [{None!s:>6}] [{None!r:^8}]")

# specs from nested fields
width = 12
precision = 3
align = ">"
fill = "~"
print(f"[{pi:{width}}] [{pi:{width}.{precision}}] [{pi:.{precision}f}]")
print(f"[{word:{fill}{align}{width}}] [{word:{align}{width}}] [{n:{width},}]")
for w in range(4, 8):
    print(f"|{w:>{w}}|{word:^{w}.{w - 2}}|")

# conversions combined with specs
print(f"[{word!r:>12}] [{word!s:<10}] [{'é'!a:>8}]")

# a table
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 150, 10.0)]
print(f"{'fruit':<8}|{'qty':>5}|{'price':>7}")
for fruit, qty, price in rows:
    print(f"{fruit:<8}|{qty:>5}|{price:>7.2f}")
total = sum(q * p for _, q, p in rows)
print(f"{'total':<8}|{'':>5}|{total:>7.2f}")


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = str(self.cents // 100) + "." + str(self.cents % 100).zfill(2)
        if spec:
            return format(text, spec)
        return "$" + text


m = Money(12345)
print(f"{m} [{m:>10}] [{m:<10}]")

# errors in specs surface as in CPython
for value, spec in [(1, "q"), ("s", "d"), (1.5, "x")]:
    try:
        print(f"{value:{spec}}")
    except ValueError as e:
        print("ValueError:", e)
