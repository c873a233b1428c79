# float() parsing: decimal, exponent, inf/nan spellings, whitespace, underscores, errors
print(float("3.14"), float("  -2.5e3 "), float("+.5"), float("5."), float("1e-5"), float("1E5"))
print(float("inf"), float("-Infinity"), float("+INF"), float("nan"), float("-nan"), float("NaN"))
print(float("1_000.5"), float("0.000_1"), float("١٫٥".replace("٫", ".")), float("１.５"))
print(float(7), float(-0), float(True), float(10 ** 20), float("-0"), float("-0.0"))
print(float("1e308"), float("1e309"), float("-1e400"), float("1e-400"), float("4.9e-324"))
print(float("0x1p3".replace("0x1p3", "8")), float.fromhex("0x1p3"), float.fromhex("-0x1.8p1"))
print(float(b"1.25"), float(bytearray(b" 2 ")))
print(float("0.1") + float("0.2"), float("9007199254740993"))
from fractions import Fraction
from decimal import Decimal
print(float(Fraction(1, 3)), float(Decimal("0.1")), float(Decimal("-inf")))
for s in ["", "abc", "1.2.3", "1e", "e5", "_1.0", "1_.0", "1__0", "in f", "0x10", "1,5", "--1"]:
    try:
        print(float(s))
    except ValueError as e:
        print(type(e).__name__, e)
for v in (None, [1.0], 10 ** 400):
    try:
        print(float(v))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
