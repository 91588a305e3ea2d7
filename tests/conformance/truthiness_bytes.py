# Truth value of bytes: empty is false, in every kind of truth test.

empty = b""
full = b"data"

if empty:
    print("empty is true")
else:
    print("empty is false")
if full:
    print("full is true")
if not empty:
    print("not empty")
if not full:
    print("not full")
print("ternary:", "yes" if empty else "no", "yes" if full else "no")
print("not:", not empty, not full, not not empty)
assert full, "full bytes must be true"
try:
    assert empty, "empty bytes are false"
except AssertionError as e:
    print("assert failed:", e.args[0])

# the loop that motivated all this: read until an empty chunk
data = [b"ab", b"cd", b"ef", b""]
position = 0


def read():
    global position
    chunk = data[position]
    position += 1
    return chunk


parts = []
while True:
    chunk = read()
    if not chunk:
        break
    parts.append(chunk)
print("read:", b"".join(parts))

position = 0
total = 0
chunk = read()
while chunk:
    total += len(chunk)
    chunk = read()
print("total:", total)

# comprehension conditions
chunks = [b"", b"x", b"", b"yz"]
print([c for c in chunks if c])
print([c for c in chunks if not c])
print(len([c for c in chunks if c and len(c) > 1]))

# and / or return an operand, as in CPython
print(repr(empty or b"default"), repr(full or b"default"))
print(repr(empty and b"second"), repr(full and b"second"))
print(repr(empty or empty), repr(empty and full), repr(full and empty))
print(repr(None or empty or b"last"), repr(full and b"mid" and empty))
print(repr((empty or full) and b"end"), repr(empty or (full and b"in")))
body = empty or "fallback"
print(body)
value = full and full.decode("ascii")
print(value)

# other containers and numbers keep their usual truth values
for v in [b"", b"0", "", "0", 0, 1, 0.0, [], [0], (), (0, 1), None, {}, {0: 0}]:
    print(repr(v), "true" if v else "false", "falsy" if not v else "truthy")
