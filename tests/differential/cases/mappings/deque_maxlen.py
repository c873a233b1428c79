# deque with maxlen: bounded buffers, discarding from the opposite end, tail of lines
from collections import deque
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
    print(list(d))
print(d, d.maxlen)
d.appendleft(-1)
print(d)
d.extend([10, 11])
print(d)
d.extendleft([20, 21])
print(d)
d.insert
try:
    d.insert(0, 99)
except IndexError as e:
    print(type(e).__name__, e)
print(deque(range(10), maxlen=4), deque(maxlen=0), deque([1, 2], maxlen=0))
z = deque(maxlen=0)
z.append(1)
print(z, len(z), deque().maxlen)
def tail(lines, n=2):
    return list(deque(lines, maxlen=n))
print(tail(["l1", "l2", "l3", "l4"]), tail([], 5))
def moving_average(seq, n=3):
    window = deque(maxlen=n)
    out = []
    for x in seq:
        window.append(x)
        if len(window) == n:
            out.append(sum(window) / n)
    return out
print(moving_average([40, 30, 50, 46, 39, 44]))
try:
    deque(maxlen=-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.maxlen = 5
except AttributeError as e:
    print(type(e).__name__)
