# set methods: add/discard/remove/pop/clear/update variants and named set algebra
s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(100)
s.discard(3)
print(s)
s.remove(4)
try:
    s.remove(4)
except KeyError as e:
    print(type(e).__name__, e)
print(s.union([5], (6,), range(7, 8)), s.intersection([1, 2, 9], {2}), s.difference([1], "x"))
print(s.symmetric_difference([2, 3]), s.union(), s.intersection())
t = {1, 2, 3}
t.update([4], {5})
t.intersection_update(range(2, 10))
t.difference_update({3})
t.symmetric_difference_update([2, 99])
print(t)
p = {42}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(type(e).__name__, e)
c = {1, 2}
d = c.copy()
d.add(3)
c.clear()
print(c, d, set(), len(d))
print({1, 2}.isdisjoint([3]), {1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset(range(2)))
try:
    {1}.add([2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.remove([2])
except TypeError as e:
    print(type(e).__name__, e)
print({frozenset([1])}.__contains__({1}), {1}.discard({2}) is None)
