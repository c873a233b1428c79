# deque.rotate in both directions and extendleft reversal semantics
from collections import deque
d = deque(range(6))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(12)
print(d)
d.rotate(-13)
print(d)
e = deque()
e.rotate(5)
print(e)
x = deque([1, 2, 3])
x.extendleft([4, 5, 6])
print(x)
x.extendleft("ab")
x.extendleft(range(0))
print(x)
def roundrobin(*iters):
    q = deque(iter(it) for it in iters)
    while q:
        it = q[0]
        try:
            yield next(it)
            q.rotate(-1)
        except StopIteration:
            q.popleft()
print(list(roundrobin("ABC", "D", "EF")))
def delete_nth(dq, n):
    dq.rotate(-n)
    dq.popleft()
    dq.rotate(n)
y = deque("abcdef")
delete_nth(y, 2)
print(y)
y.rotate(-1)
y.extend(y)
print(y, len(y))
try:
    d.rotate("1")
except TypeError as e:
    print(type(e).__name__, e)
