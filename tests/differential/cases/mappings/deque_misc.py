# deque repr, copying, comparisons, extend with itself, indexing with negative and iteration mutation
from collections import deque
d = deque([1, [2], "three"], maxlen=5)
print(repr(d), str(deque("ab")), deque(range(3), 2))
c = d.copy()
c[1].append(9)
print(d, c.maxlen, c == d, c is d)
e = deque([1, 2])
e.extend(e)
print(e)
e += [3]
print(e, e * 0, 2 * deque("x"))
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) > deque([1]), deque() < deque([0]))
print(e[-1], e[-len(e)], e.index(2, 2), e.index(3, -1))
try:
    e.index(9)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    for x in e:
        e.append(x)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
q = deque()
for i in range(5):
    q.append(i)
print([q.popleft() for _ in range(3)], q)
stack = deque()
for ch in "abc":
    stack.append(ch)
print("".join(stack.pop() for _ in range(len(stack))))
try:
    hash(deque())
except TypeError as ex:
    print(type(ex).__name__, ex)
