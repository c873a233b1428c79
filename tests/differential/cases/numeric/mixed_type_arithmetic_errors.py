# Checks arithmetic between int/float/complex/Fraction/Decimal and the TypeErrors it raises
from fractions import Fraction
from decimal import Decimal
print(1 + Fraction(1, 2), 0.5 + Fraction(1, 2), Fraction(1, 2) * 2.0, Fraction(3, 4) ** 2)
print(Decimal("1.1") + 1, Decimal("3") / 4, 2 * Decimal("0.5"), Decimal("10") // 3, Decimal("-7") % 3)
print(Fraction(1, 3) + 1j, type(Fraction(1, 3) + 1j).__name__, Fraction(1, 2) == 0.5, Decimal("0.5") == 0.5)
print(Fraction(1, 3) < 0.34, Decimal("1.5") > 1, Fraction(7, 2) // 1, Fraction(-7, 2) % 2)
for bad in [lambda: Decimal("1") + 1.5, lambda: Decimal("1") + Fraction(1, 2), lambda: 1 + "1",
            lambda: [1] * 1.5, lambda: "a" * -1 + "b" * 2.0, lambda: 1j < 2, lambda: None + 1,
            lambda: 5 - [1], lambda: 2 ** "x", lambda: -"x", lambda: ~1.5]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
print("ab" * 3, [0] * 3, 3 * (1,), "x" * 0, "x" * -2, [1] * True)
