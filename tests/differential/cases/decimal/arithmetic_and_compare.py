# Decimal arithmetic exactness, mixing with int, comparisons with int/float, special values, methods
from decimal import Decimal
print(Decimal("0.1") + Decimal("0.2"), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
print(Decimal("1.30") + Decimal("1.20"), Decimal("1.3") * Decimal("1.2"), Decimal("10.00") - 3)
print(Decimal(7) // Decimal(2), Decimal(-7) // Decimal(2), Decimal(-7) % Decimal(2), divmod(Decimal(7), 3))
print(Decimal(2) ** 10, Decimal("1.1") ** 2, Decimal(2) ** -2, -Decimal("5"), abs(Decimal("-3.50")))
print(Decimal("1.0") == 1, Decimal("0.5") == 0.5, Decimal("0.1") == 0.1, Decimal("1") < 1.5, Decimal(3) > 2)
print(sorted([Decimal("2.5"), Decimal("-1"), Decimal("10"), Decimal("2.50")]), max(Decimal("1.0"), Decimal("1")))
print(sum([Decimal("0.1")] * 10), Decimal("NaN") == Decimal("NaN"), Decimal("Infinity") > 10 ** 100)
print(Decimal("-0") == 0, Decimal("1.500").normalize(), Decimal("100").normalize(), Decimal("0.00").normalize())
d = Decimal("-123.4500")
print(d.as_tuple(), d.adjusted(), d.is_signed(), d.copy_abs())
print(Decimal("3.7").is_finite(), Decimal("inf").is_infinite(), Decimal("nan").is_nan(), Decimal("5").is_zero())
print(int(Decimal("-3.9")), float(Decimal("2.5")), Decimal("7.25").as_integer_ratio(), hash(Decimal("2")) == hash(2))
try:
    Decimal("1.5") + 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    Decimal("NaN") < 1
except Exception as e:
    print(type(e).__name__)
