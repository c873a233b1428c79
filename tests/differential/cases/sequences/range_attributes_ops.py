# range attributes, len, index, count, containment, equality and repr
r = range(3, 20, 4)
print(r, r.start, r.stop, r.step, len(r), list(r))
print(r.index(11), r.count(11), r.count(12), 15 in r, 16 in r, 3.0 in r)
print(range(10), range(0, 10), range(1, 10, 2), range(5, 0, -1))
print(len(range(0)), len(range(5, 0)), len(range(5, 0, -2)), len(range(-10, 10, 3)))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 2), range(1) == [0])
big = range(10**20)
print(len(range(0, 10**18, 7)), 10**19 in big, big[-1], big.index(12345))
try:
    len(range(10**30))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    r.index(12)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(bool(range(0)), bool(range(1)), sum(range(101)))
print(range(-5, 5, 3)[-1], list(range(10, -10, -7)))
