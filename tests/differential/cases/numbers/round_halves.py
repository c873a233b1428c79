# round() uses banker's rounding for halves; return types with and without ndigits
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5)])
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2))
print(round(7), round(-7), type(round(7.6)).__name__, type(round(7.6, 0)).__name__)
print(round(7.6, 0), round(-0.4), round(-0.4, 0), round(0.49999999999999994))
print(round(1e20), round(1.7976931348623157e308) > 10 ** 307)
print(round(True), round(False, 2), type(round(True)).__name__)
from fractions import Fraction
from decimal import Decimal
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(1, 3), 2))
print(round(Decimal("2.5")), round(Decimal("2.675"), 2), round(Decimal("-1.5")))
for v in (float("inf"), float("nan")):
    try:
        print(round(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
