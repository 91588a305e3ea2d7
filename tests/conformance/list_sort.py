# list.sort and sorted(): stability, key=, reverse=, tuples and lists
# compared item by item, and the TypeError for unorderable items.


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


nums = [5, 2, 8, 1, 9, 3]
nums.sort()
print(nums, nums.sort(reverse=True), nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, reverse=True), sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (p[1], p[0])), sorted(pairs, key=lambda p: (-p[1], p[0])))
print(sorted([[2, 1], [1, 2, 3], [1, 2], [1]]), sorted([(1, 0), (), (0, 5)]), sorted([(1, (2, 3)), (1, (2, 1))]))
print(sorted([3, 1.5, True, 2]), sorted([2.5, -1, 0]), sorted(["b", "a", "B"]), sorted([b"b", b"a"]))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"z": 1, "y": 2}), sorted(range(5), reverse=True))
print(sorted(x * x for x in [-3, 1, 2]), sorted([]), sorted([1]))

records = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
by_age = sorted(records, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: r[1], reverse=True))
stable = sorted(by_age, key=lambda r: r[1] // 10)
print(stable)
headers = [("Content-Type", "text/plain"), ("Content-Length", "5"), ("X-Custom", "a"), ("Accept", "*/*")]
headers.sort()
print(headers)
env = {"SERVER_NAME": "localhost", "PATH_INFO": "/", "REQUEST_METHOD": "GET"}
for key, value in sorted(env.items()):
    print(key, "=", value)


class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __lt__(self, other):
        return self.major < other.major or (self.major == other.major and self.minor < other.minor)

    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)


print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]))
print(sorted([Version(1, 2), Version(0, 9)], reverse=True), max([Version(0, 1), Version(2, 0)]))
print(sorted(["10", "9", "100"], key=int), sorted([-3, 2, -1], key=abs), sorted(["b", "a"], key=None))

attempt("mixed types", lambda: sorted([1, "a"]))
attempt("mixed reversed order", lambda: sorted(["a", 1]))
attempt("tuple mixed", lambda: sorted([(1, "a"), (1, 2)]))
attempt("none items", lambda: sorted([None, None]))
attempt("dicts", lambda: sorted([{}, {}]))
attempt("bad key", lambda: sorted([1, 2], key=1))


def failing_key(x):
    raise ValueError("no key for " + str(x))


attempt("key raises", lambda: sorted([1, 0], key=failing_key))
attempt("positional", lambda: [].sort(1))
attempt("bad keyword", lambda: [].sort(foo=1))
attempt("sorted two args", lambda: sorted([], 1))
keep = [3, "x", 1]
attempt("sort fails", lambda: keep.sort())
print(keep)
