# Checks sum/min/max/sorted over mixed numeric types, start values and keys
from fractions import Fraction
from decimal import Decimal
print(sum([1, 2.5, True]), sum([], 10), sum(range(101)), sum([0.1] * 3), sum([1j, 2, 3.5]))
print(sum([Fraction(1, 3)] * 3), sum([Decimal("0.1")] * 3), sum([1, Fraction(1, 2)]))
print(sum([[1], [2, 3]], []), sum([2 ** 64, -(2 ** 64), 1]), sum((x * x for x in range(5)), start=100))
print(max([3, 7.5, -2]), min(3, 7.5, -2), max([1, True]), min([True, 1]), max("5", "10"))
print(max([], default=None), min([(2, 'b'), (1, 'z'), (1, 'a')]), max([-3, 2, -5], key=abs))
print(sorted([3, 1.5, Fraction(5, 4), True, Decimal("1.2")]))
print(sorted([2.5, -1, 10, 1e-3], reverse=True), sorted([-7, 3, -2, 5], key=lambda v: v % 4))
for bad in [lambda: max([]), lambda: sum(["a", "b"]), lambda: min(1, "2"), lambda: sum([1, 2], "")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]) == 0.6)
