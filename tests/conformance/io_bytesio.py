# io.BytesIO: reading, writing, seeking, lines, closing.
import io

b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.read(), b.tell(), b.read())
b.seek(-2, 2)
print(b.read())
print(b.seek(1), b.seek(2, 1), b.read(1))
b.write(b"ZZ")
print(b.getvalue())
b.seek(10)
b.write(b"!")
print(b.getvalue())
b.seek(0)
print(b.readlines())
b.seek(0)
for line in b:
    print(line)
w = io.BytesIO()
print(w.write(b"hello"), w.write(b" world"), w.tell(), w.getvalue())
w.seek(0)
print(w.read1(3), w.read(100))
print(w.truncate(5), w.getvalue(), w.tell())
w.seek(0)
print(w.truncate(), w.getvalue())
with io.BytesIO(b"ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for call in [lambda: f.read(), lambda: f.getvalue(), lambda: f.write(b"x"), lambda: f.tell()]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    io.BytesIO(b"x").seek(-1)
except ValueError as e:
    print("ValueError:", e)
data = io.BytesIO(b"line one\nline two\n\nlast")
print(data.readline(4), data.readline(), data.readlines())
print(io.BytesIO(b"").read(), io.BytesIO().getvalue(), io.BytesIO(b"x").readable())
chunks = io.BytesIO(b"0123456789")
out = []
piece = chunks.read(4)
while piece != b"":
    out.append(piece)
    piece = chunks.read(4)
print(out)
