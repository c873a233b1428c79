# Slicing and reversing ranges produces ranges
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[::2], r[-2:], r[5:1:-2])
print(list(r[::-1]), list(reversed(r)))
print(r[100:], list(r[100:]), r[-100:2])
print(range(10)[::-1][2], range(10, 0, -1)[::-2])
rv = reversed(range(5))
print(next(rv), list(rv))
print(list(reversed(range(0))), list(reversed(range(1, 2))))
print(range(5)[-1], range(5)[0])
try:
    range(5)[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(5)["a"]
except TypeError as e:
    print(type(e).__name__, e)
big = range(0, 10**20, 10**9)
print(big[::10**6][3], len(big[::-1]))
print(hash(range(0, 3)) == hash(range(0, 3, 1)), {range(2): "a"}[range(0, 2)])
print(list(range(3)) * 2, tuple(range(2, -3, -1)))
