# mixing int, float, Fraction, Decimal and complex: result types, equality, hashing, errors
from fractions import Fraction
from decimal import Decimal
f, d = Fraction(1, 3), Decimal("0.1")
print(f + 1, f * 3, f + 0.5, type(f + 0.5).__name__, f ** 2, f ** -1, 2 ** Fraction(1, 2))
print(d + 1, d * 3, d / 3, type(d + 1).__name__, Decimal(0.1) == d, Decimal("0.10") == d)
print(Fraction(0.1), Fraction("0.1"), Fraction(3, -6), Fraction("1/3") == f, Fraction(d))
print(1 == 1.0 == Fraction(1) == Decimal(1) == 1 + 0j, 0.5 == Fraction(1, 2), Decimal("0.5") == 0.5)
print(hash(1) == hash(1.0) == hash(Fraction(1)) == hash(Decimal(1)), hash(0.5) == hash(Fraction(1, 2)))
print(len({1, 1.0, Fraction(1), Decimal(1), True}), sorted([Fraction(1, 2), 0.25, 1, Decimal("0.75")]))
print(Fraction(7, 2) // 1, Fraction(7, 2) % 1, -Fraction(7, 2) // 1, Fraction(1, 3) < 0.34, max(f, 0.3))
print(f.limit_denominator(10), Fraction(3.14159).limit_denominator(100), f.numerator, f.denominator)
print(Decimal("1.10") + Decimal("2.20"), Decimal("3.000").normalize(), Decimal(2).sqrt(), Decimal("1e2") + 0)
print(complex(f), (1 + 2j) * 2, 2.0 + 1j == complex(2, 1), int(Fraction(-5, 3)), float(Decimal("1e-3")))
for op in (lambda: d + 0.1, lambda: d + f, lambda: Fraction(1, 0), lambda: Decimal("abc"), lambda: f + 1j - 1j):
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
