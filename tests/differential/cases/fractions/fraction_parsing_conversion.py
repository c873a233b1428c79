# Fraction from strings, floats, Decimals; limit_denominator; as_integer_ratio; str/repr; rounding
from fractions import Fraction
from decimal import Decimal
print(Fraction("3/4"), Fraction(" -10/15 "), Fraction("1.25"), Fraction("-2.5e-3"), Fraction("7"), Fraction("1e3"))
print(Fraction(0.1), Fraction(0.5), Fraction(-1.75), Fraction.from_float(2.0), Fraction(Decimal("0.1")), Fraction.from_decimal(Decimal("-1.5")))
print(Fraction(0.1).limit_denominator(), Fraction(3.141592653589793).limit_denominator(1000), Fraction(3.141592653589793).limit_denominator(10))
print(Fraction(1, 3).limit_denominator(2), Fraction(-22, 7).limit_denominator(5))
print(str(Fraction(5, 1)), repr(Fraction(5, 1)), repr(Fraction(-1, 3)), Fraction(7, 3).as_integer_ratio())
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(22, 7), 2), round(Fraction(22, 7), -1))
import math
print(math.floor(Fraction(-7, 3)), math.ceil(Fraction(-7, 3)), math.trunc(Fraction(-7, 3)), math.sqrt(Fraction(9, 4)))
print(Fraction(Fraction(1, 2), Fraction(1, 3)), hasattr(Fraction, "is_integer"))
for bad in ["1/0", "abc", "1/2/3", "1.5/2", ""]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for bad in [float("nan"), float("inf")]:
    try:
        Fraction(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print(type(e).__name__, e)
