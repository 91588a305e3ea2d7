# Truth value of instances of classes that define __bool__ or __len__,
# which truth tests must call.


class Empty:
    def __len__(self):
        return 0


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


class Plain:
    pass


class Derived(Flag):
    pass


objects = [Empty(), Sized(0), Sized(3), Flag(True), Flag(False), Both(), Plain(), Derived(False), Derived(True)]
names = ["Empty()", "Sized(0)", "Sized(3)", "Flag(True)", "Flag(False)", "Both()", "Plain()", "Derived(False)", "Derived(True)"]

for name, obj in zip(names, objects):
    results = []
    if obj:
        results.append("if:true")
    else:
        results.append("if:false")
    results.append("not:" + str(not obj))
    results.append("ternary:" + ("true" if obj else "false"))
    results.append("or:" + ("obj" if (obj or "other") is obj else "other"))
    results.append("and:" + ("obj" if (obj and "other") is obj else "other"))
    print(name, " ".join(results))

print([n for n, o in zip(names, objects) if o])
print([n for n, o in zip(names, objects) if not o])

count = 0
queue = Sized(3)
while queue:
    count += 1
    queue.n -= 1
print("loop ran", count, "times")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        self.n -= 1
        return self.n >= 0


c = Countdown(3)
ticks = 0
while c:
    ticks += 1
print("ticks", ticks)


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


for bad in (BadBool(), BadLen()):
    try:
        if bad:
            pass
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e.args[0])

# classes themselves are always true
print("class is true" if Empty else "class is false", not Flag)
