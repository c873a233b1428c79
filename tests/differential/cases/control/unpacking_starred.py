# iterable unpacking: tuples, nested targets, starred targets, swaps, unpacking in for loops, literals and errors
a, b, c = 1, 2, 3
a, b = b, a
print(a, b, c)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
head, *rest = [1]
print(init, tail, head, rest)
(p, q), [r, s] = (1, 2), "xy"
print(p, q, r, s)
for i, (name, score) in enumerate([("ann", 9), ("bob", 7)]):
    print(i, name, score)
for k, *vals in [("a", 1, 2), ("b",)]:
    print(k, vals)
print([*range(3), *"ab", *{"k": 1}])
print({**{"a": 1, "b": 2}, "b": 3, **{"c": 4}})
print({*[1, 2], *(2, 3)} == {1, 2, 3}, (*[1, 2],))
def bad(n):
    if n == 0: x, y = [1, 2, 3]
    if n == 1: x, y, z = [1, 2]
    if n == 2: m, *n, o = [1]
    if n == 3: u, v = 5
for n in range(4):
    try:
        bad(n)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = {}
d["x"], d["y"] = "ab"
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(d, lst)
x = y = [1]
x.append(2)
print(y, x is y)
