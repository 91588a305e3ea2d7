# bytes as a sequence: indexing, slicing, iteration, membership, repetition.

data = b"GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\nbody"

print(data[0], data[1], data[-1], data[-4])
print(data[:3], data[4:15], data[-4:], data[::10])
print(data[100:], data[3:3], data[-100:2])
print(b"\r\n" in data, b"\n\n" in data, b"Host" not in data, 72 in data, 0 in data)
print(b"" in data, b"ab" * 3, 3 * b"-", b"x" * 0, b"x" * -2)
print(b"ab" + b"cd", len(b"ab" * 4))

head, sep, body = data.partition(b"\r\n\r\n")
print(head[:14], sep, body)

# Iterating yields ints.
total = 0
for byte in b"abc":
    total += byte
print(total, list(b"hi"), [b for b in b"\x00\x01\xff"], sorted(b"cab"))

# Parsing with indexes.
def parse_length_prefixed(buf):
    out = []
    i = 0
    while i < len(buf):
        n = buf[i]
        out.append(buf[i + 1:i + 1 + n])
        i += 1 + n
    return out


print(parse_length_prefixed(b"\x03abc\x02de\x00\x01f"))

magic = b"\x1f\x8b\x08rest"
print(magic[:2] == b"\x1f\x8b", magic[2] == 8, magic[0] == 0x1F)

# Errors as CPython reports them.
def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


attempt("index", lambda: data[1000])
attempt("float index", lambda: data[1.5])

# Other sequences keep working through the same operators.
text = "hello"
items = [10, 20, 30, 40]
pair = (1, 2)
print(text[0], text[-1], text[1:3], items[1], items[-1], items[1:3], items[::-1], pair[0], pair[1:])
row = {"a": 1, 0: "zero"}
print(row[0], row["a"])

chunks = [b"ab", b"cd", b""]
sizes = [len(c) for c in chunks if c]
print(sizes, b"".join(chunks)[1:3])

frame = bytes([1, 2, 3, 4, 5])
print(frame[1], frame[1:4], frame[::2], frame[-2:], list(frame[::-1]))
