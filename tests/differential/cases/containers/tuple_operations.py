# tuples: packing/unpacking, single-element syntax, concatenation, comparison, immutability, count/index
t = 1, 2, 3
single, empty = (5,), ()
print(t, single, empty, type(single).__name__, (5), len(empty), t + single, t * 2, single * 0)
a, b, c = t
first, *rest = t
*init, last = "abcd"
print(a, b, c, first, rest, init, last, tuple("ab"), tuple([1, [2]]), tuple(range(3)), tuple({"x": 1}))
print(t.count(2), t.index(3), 2 in t, t[::-1], t[1:], t[-1], (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
print((1, "a") == (1, "a"), (1, 2) == [1, 2], max((1, 2), (1, 3)), sorted([(2, "b"), (1, "z"), (2, "a")]))
nested = ([1, 2], "x")
nested[0].append(3)
print(nested, hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"}[(1, 2)])
x, y = 1, 2
x, y = y, x
print(x, y, divmod(7, 2), tuple(zip("ab", (1, 2))), (*t, *"xy"), (*t[:1],))
(p, q), r = (1, 2), 3
print(p, q, r, ((1,),) * 2)
def assign():
    t[0] = 9
for op in (assign, lambda: hash(([1],)), lambda: t.index(9), lambda: t + [4], lambda: t[3]):
    try:
        print(op())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    a, b = t
except ValueError as e:
    print(type(e).__name__, e)
