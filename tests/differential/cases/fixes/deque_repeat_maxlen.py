# a deque with maxlen repeated: the last maxlen items, however large the count
from collections import deque
d = deque([1, 2, 3], maxlen=5)
print(d * 2, d * 0, d * -1, d * 1, 2 * d, deque([1, 2], maxlen=2) * 10**9, deque([], maxlen=3) * 10**9)
e = deque('abc', maxlen=4)
e *= 3
print(e, e.maxlen)
class D(deque):
    pass
print(type(D([1], maxlen=2) * 5).__name__, D([1, 2, 3], maxlen=2) * 3, deque([1, 2, 3], maxlen=7) * 3)
