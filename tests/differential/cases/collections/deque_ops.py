# deque: append/appendleft/pop/popleft, maxlen eviction, rotate, extendleft, multiply, index, errors
from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.rotate(0); d.rotate(7); print(d, len(d))
d.extendleft("ab"); print(d)
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9); print(m)
m.appendleft(-1); print(m)
m.extend([7, 8]); print(m)
print(deque([1, 2]) * 3, 2 * deque("ab"), deque([1]) + deque([2, 3]))
print(deque(maxlen=2) * 5, deque([1, 2, 3], maxlen=4) * 2)
x = deque([1, 2]); x *= 2; print(x)
q = deque("abcb")
print(q.index("b"), q.count("b"), q[-1], q[1], "c" in q)
q.remove("b"); q.insert(1, "Z"); print(q, list(reversed(q)))
del q[0]; q[0] = "Y"; print(q)
print(deque() == deque([]), deque([1, 2]) < deque([1, 3]), bool(deque()))
for op in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).index(5)):
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
