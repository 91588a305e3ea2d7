# collections.deque.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, d.count(7), list(d))
d.remove(7)
d[0] = 100
del d[1]
print(d, d.copy(), d == deque(d), d != deque([1]))
bounded = deque(range(5), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(9)
bounded.appendleft(-9)
print(bounded, deque(maxlen=0), deque().maxlen)
bounded.clear()
print(bounded, len(bounded))
for call in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5]]:
    try:
        call()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print("ValueError:", e)
window = deque(maxlen=3)
sums = []
for n in [1, 2, 3, 4, 5, 6]:
    window.append(n)
    sums.append(sum(window))
print(sums, list(window))
queue = deque(["a", "b"])
order = []
while queue:
    item = queue.popleft()
    order.append(item)
    if item == "a":
        queue.append("c")
print(order)
