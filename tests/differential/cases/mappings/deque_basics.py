# collections.deque: appends/pops at both ends, indexing, remove, count, errors
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend("ab")
print(d, d.count("a"), d.index(2), 3 in d, "z" in d)
d.remove("a")
d.insert(1, "ins")
print(d)
d[0] = "first"
del d[-1]
print(d, list(d), d.copy(), d == deque(d))
d.reverse()
print(d)
d.clear()
print(d, bool(d))
for op in (d.pop, d.popleft):
    try:
        op()
    except IndexError as e:
        print(type(e).__name__, e)
try:
    deque([1]).remove(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    deque([1])[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    deque([1])[0:1]
except TypeError as e:
    print(type(e).__name__, e)
print(deque(range(3)) + deque([9]), deque("ab") * 2, deque([1, 2]) < deque([1, 3]))
print(deque(), deque([], 3), list(reversed(deque([1, 2, 3]))))
