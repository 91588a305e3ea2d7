# and / or return one of their operands and evaluate each at most once;
# with empty bytes and classes defining __len__ among the operands.

calls = []


def track(label, value):
    calls.append(label)
    return value


def run(label, thunk):
    del calls[:]
    result = thunk()
    print(label, repr(result), calls)


run("b'' or 1", lambda: track("a", b"") or track("b", 1))
run("b'x' or 1", lambda: track("a", b"x") or track("b", 1))
run("b'' and 1", lambda: track("a", b"") and track("b", 1))
run("b'x' and 1", lambda: track("a", b"x") and track("b", 1))
run("3-way or", lambda: track("a", b"") or track("b", 0) or track("c", b"z"))
run("3-way and", lambda: track("a", b"q") and track("b", 1) and track("c", b""))
run("and stops", lambda: track("a", b"q") and track("b", b"") and track("c", 1))
run("mixed", lambda: (track("a", b"") and track("b", 1)) or track("c", "c"))
run("mixed 2", lambda: track("a", b"") or (track("b", b"y") and track("c", b"")))
run("not in or", lambda: not track("a", b"") or track("b", 1))
run("nested", lambda: ((track("a", b"") or track("b", b"")) and track("c", 1)) or track("d", "end"))


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Bag" + repr(self.items)


run("empty bag or", lambda: track("a", Bag()) or track("b", "default"))
run("full bag or", lambda: track("a", Bag(1)) or track("b", "default"))
run("empty bag and", lambda: track("a", Bag()) and track("b", "never"))
run("full bag and", lambda: track("a", Bag(1, 2)) and track("b", "then"))

# typical uses
environ = {"QUERY_STRING": "", "CONTENT_TYPE": "text/plain"}
query = environ.get("QUERY_STRING") or "none"
ctype = environ.get("CONTENT_TYPE") or "application/octet-stream"
length = environ.get("CONTENT_LENGTH") or "0"
print(query, ctype, length)

body = b""
payload = body or b"<empty>"
print(payload)
first = body and body[0]
print(repr(first))
name = None
print((name and name.upper()) or "anonymous")
print([x or "-" for x in [b"", b"a", 0, 1, "", "s"]])
print([x and "+" for x in [b"", b"a", 0, 1, "", "s"]])

# in conditions the result is used for its truth
x, y = b"", b"y"
if x or y:
    print("x or y is true")
if x and y:
    print("x and y is true")
else:
    print("x and y is false")
if not (x and y) and (y or x):
    print("combined")
print("ternary:", "t" if x or b"" else "f", "t" if y and y else "f")
print("while:", end=" ")
items = [b"a", b"", b"b"]
while items and items[0]:
    print(items.pop(0), end=" ")
print(items)
