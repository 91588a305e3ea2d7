# io.StringIO: reading, writing, seeking, lines, newline modes, closing.
import io

s = io.StringIO("line1\nline2\r\nlast")
print(s.readline(), s.tell())
print(s.readlines())
print(s.read(), s.readline(), s.tell())
s.seek(0)
for line in s:
    print(len(line))
s.write("XX")
print(s.getvalue())
s.seek(2)
print(s.read(3), s.tell())
s.seek(0, 2)
print(s.tell())
print(s.seek(0), s.read(0), s.read(-1))
w = io.StringIO()
print(w.write("caf\u00e9"), w.tell(), w.write(" \u20ac"), w.tell())
print(w.getvalue())
w.seek(1)
w.write("A")
print(w.getvalue())
w.seek(8)
w.write("!")
print(w.getvalue() == "cAf\u00e9 \u20ac\x00\x00!")
w.seek(3)
print(w.truncate(), w.getvalue())
print(w.truncate(1), w.getvalue(), w.tell())
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for call in [lambda: f.read(), lambda: f.getvalue(), lambda: f.write("x"), lambda: iter(f)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
u = io.StringIO("a\rb\r\nc\n", newline=None)
print(u.readlines())
u = io.StringIO("a\rb\r\nc\n", newline="")
print(u.readlines())
u = io.StringIO(newline="\r\n")
u.write("x\ny\n")
print(u.getvalue() == "x\r\ny\r\n", u.readlines())
u.seek(0)
print(u.readlines() == ["x\r\n", "y\r\n"])
r = io.StringIO("abc\ndef\nghi\n")
print(r.readline(2), r.readline(), r.readlines(1), r.readlines())
print(r.readable(), r.writable(), r.seekable(), r.isatty())
lines = io.StringIO()
lines.writelines(["a\n", "b\n"])
print(lines.getvalue() == "a\nb\n")
try:
    io.StringIO().write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO("x").seek(1, 1)
except OSError as e:
    print("OSError:", e)
try:
    io.StringIO("x").seek(-1)
except ValueError as e:
    print("ValueError:", e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
