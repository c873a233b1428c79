# Starred unpacking of lists, tuples and ranges in assignments and displays
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
print([*range(3), *"ab", *(9,)])
print((*[1, 2], 3), {*[1, 1, 2]}, [*[], *[]])
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, *y, z = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y = 5
except TypeError as e:
    print(type(e).__name__, e)
for i, (k, *v) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, v)
xs = [1, 2, 3]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
print(*[1, 2, 3], sep="-")
