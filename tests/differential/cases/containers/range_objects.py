# range objects: len, indexing, slicing, membership, equality, reversed, count/index, repr, big ranges
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], list(r[::-2]), 7 in r, 8 in r, r.index(11), r.count(15))
print(range(0), range(5), range(-3, 3), range(10, 0, -3), list(range(10, 0, -3)), len(range(0, -5)), list(range(1, 1)))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), range(2) == [0, 1], range(3)[1:] == range(1, 3))
big = range(0, 10 ** 20, 3)
print(big[-1], 10 ** 19 in big, 10 ** 19 + 1 in big, big[10 ** 18], big.index(3 * 10 ** 15))
print(r.start, r.stop, r.step, range(5).step, sum(range(101)), max(range(7)), sorted(range(3), reverse=True))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), 2.0 in range(3), "a" in range(3), True in range(2))
print(bool(range(0)), bool(range(1)), repr(range(1, 2, 3)), str(range(-1)), hash(range(3)) == hash(range(0, 3)))
for op in (lambda: range(0, 1, 0), lambda: range(1.5), lambda: range(5)[5], lambda: range(3).index(7), lambda: range(), lambda: len(range(2 ** 64))):
    try:
        print(op())
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
