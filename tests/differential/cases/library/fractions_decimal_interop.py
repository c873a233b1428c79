# fractions: from_float/from_decimal, comparisons with Decimal, math functions and sorting
from fractions import Fraction
from decimal import Decimal
import math

print(Fraction.from_float(0.75), Fraction.from_decimal(Decimal("1.125")))
print(Fraction(Decimal("0.1")), Fraction(2.5))
print(math.floor(Fraction(-7, 3)), math.ceil(Fraction(-7, 3)), math.trunc(Fraction(-7, 3)))
print(sorted([Fraction(1, 3), 0.3, Fraction(2, 7), 1]))
print(max(Fraction(22, 7), math.pi), min(Fraction(1, 1000), Decimal("0.0009") * 1 if False else 0.001))
print(Fraction(1, 3).is_integer() if hasattr(Fraction, "is_integer") else "n/a")
print(Fraction(10**20, 3) + 1)
print(f"{float(Fraction(2, 3)):.5f}")
h = [Fraction(1, 2), Fraction(2, 4), Fraction(3, 6)]
print(len(set(h)), set(h))
print(math.isclose(Fraction(1, 3), 0.333333333), math.fsum([Fraction(1, 10)] * 10))
print(Fraction(0), bool(Fraction(0)), bool(Fraction(1, 9)))
try:
    Fraction(1, 2) + Decimal("1.0")
except TypeError as e:
    print(type(e).__name__, e)
print(Fraction(Fraction(1, 2), Fraction(3, 4)))
