# Tuple comparison, lexicographic ordering, hashing and packing
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 99))
print((1, "a") == (1, "a"), (1, 2) == (1.0, 2.0), (1, 2) != [1, 2])
print(max([(2, "a"), (2, "b"), (1, "z")]), sorted([(1, 2), (0, 5), (1, -1)]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 2))
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (float("nan"),), [nan] == [nan])
a = 1,
b = 1, 2, 3
x, *rest = b
print(a, b, x, rest, (), tuple(), (1,) * 3, (1, 2) + (3,))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2, 3).index(2), (1, 1, 2).count(1), len((1, (2, 3))))
try:
    (1, 2).index(5)
except ValueError as e:
    print(type(e).__name__, e)
t2 = (1, [2])
t2[1].append(3)
print(t2)
try:
    t2[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
