# slice objects: attributes, indices(), reuse on different sequences, equality
s = slice(2, None)
print(s, s.start, s.stop, s.step)
print([0, 1, 2, 3][s], "abcdef"[s], (9, 8, 7)[s], range(10)[s])
print(slice(5), slice(1, 5, 2), slice(None), slice(-3, None, None))
for sl in (slice(None, None, -1), slice(-2, 10), slice(10, -10, -3), slice(0, 0)):
    print(sl.indices(6), list(range(6))[sl], len(range(*sl.indices(6))))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3))
print(slice(1, 2) < slice(1, 3))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print(type(e).__name__, e)
class Grabber:
    def __getitem__(self, key):
        return key
g = Grabber()
print(g[1:2], g[::3], g[1:2, 3], g[..., 1], g[:])
print("hello"[slice(1, -1)], [1, 2, 3][slice(None, None, 2)])
try:
    hash(slice(1, 2))
    print("slice hashable")
except TypeError as e:
    print(type(e).__name__, e)
