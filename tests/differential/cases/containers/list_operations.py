# list basics: concatenation, repetition, membership, index/count, methods returning None, aliasing
a = [3, 1, 4, 1, 5]
b = a
b.append(9)
print(a, a is b, a + [2, 6], a * 2, [0] * 3, [] * 5, 1 in a, 7 not in a, a.index(1), a.index(1, 2), a.count(1))
print(a.sort(), a, a.reverse(), a, sorted(a) is a, len(a), a[len(a) - 1])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
c = a.copy(); c.extend("ab"); c.insert(-1, "x"); c.remove(1)
print(c, c.pop(), c.pop(0), c, a == c, [1, 2] == [1, 2.0], [1, [2]] == [1, [2]])
c += (7, 8)
c *= 1
print(c, list("abc"), list(range(3)), list({"k": 1}), list((1,)), list(x for x in "hi"))
c.clear(); print(c, bool(c), bool([[]]), [None] * 2)
lst = [1, 2, 3]
lst[1:1] = ["a", "b"]; print(lst)
del lst[::2]; print(lst)
for op in (lambda: [].pop(), lambda: [1].index(2), lambda: [1].remove(2), lambda: [1] + (2,), lambda: [1] * 1.5,
           lambda: [1, 2][5], lambda: [].insert(), lambda: [3, "a"].sort()):
    try:
        print(op())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
