# count/index/in/remove use == so 1, 1.0, True and Fraction/Decimal compare equal
from fractions import Fraction
from decimal import Decimal
xs = [1, 1.0, True, Fraction(1), Decimal(1), "1", 2]
print(xs.count(1), xs.count(True), xs.index(1.0), "1" in xs, 1 + 0j in xs)
ys = xs[:]
ys.remove(True)
print(ys[0], type(ys[0]).__name__, len(ys))
print((0, 0.0, False).count(0), [0.5].index(Fraction(1, 2)), Decimal("0.5") in [0.5])
print(sorted([3, 2.5, Fraction(5, 2), True, Decimal("2.6")], key=float))
print(max([1, True]), max([True, 1]), min([1.0, 1]), sorted([1.0, 1, True]))
print([1, 2] == [1.0, 2.0], (Fraction(1, 2),) == (0.5,), [Decimal("0.1")] == [0.1])
print(-0.0 in [0], [float("nan")].count(float("nan")), 10**20 in [1e20], 2**53 + 1 in [float(2**53 + 1)])
print(range(5).count(2.0), 2.0 in range(5), 2.5 in range(5), True in range(2))
try:
    range(5).index(2.0)
    print("found 2.0")
except ValueError as e:
    print(type(e).__name__, e)
