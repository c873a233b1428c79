# Fraction interplay with int, float, Decimal, complex, bool; subclassing; use as dict keys and in math
from fractions import Fraction
from decimal import Decimal
import math
h = Fraction(1, 2)
print(h + True, h * False, h + 1j, type(h + 1j).__name__, h == Decimal("0.5"), h < Decimal("0.6"))
try:
    h + Decimal("0.5")
except TypeError as e:
    print(type(e).__name__, e)
print(math.isclose(Fraction(1, 3), 1 / 3), math.floor(Fraction(7, 2)), math.gcd(Fraction(6).numerator, 4))
print({Fraction(1, 2): "a", 0.5: "b", Fraction(2, 1): "c", 2: "d"})
print(Fraction(3, 4) ** 2, 2 ** Fraction(1, 2), Fraction(9) ** Fraction(1, 2))
class Money(Fraction):
    def __str__(self):
        return f"${float(self):.2f}"
m = Money(1999, 100)
print(m, repr(m), type(m + 1).__name__, m.numerator, m.limit_denominator(10))
print(Fraction(10 ** 50 + 1, 10 ** 50) > 1, float(Fraction(10 ** 400, 10 ** 399)), Fraction(1, 3) * 3 == 1)
print(min(Fraction(1, 3), 0.3, Decimal("0.31")), sorted([Fraction(1, 3), 0.3, 1 / 3, Fraction(1, 4)]))
