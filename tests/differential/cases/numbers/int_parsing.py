# int() parsing strings with bases, signs, whitespace, underscores, and errors
print(int("42"), int("  -17 "), int("+8"), int("0"), int("-0"), int("\t12\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("-1010", 2), int("Zz", 36))
print(int("1_000_000"), int("0x_ff", 16), int("0b_1_0", 0))
print(int(3.99), int(-3.99), int(1e20), int(True))
print(int(b"12"), int(bytearray(b"-7")), int("0", 0), int("00", 0))
from fractions import Fraction
from decimal import Decimal
print(int(Fraction(-7, 2)), int(Decimal("9.99")), int(Decimal("-1e3")))
for s, base in [("", 10), ("1.5", 10), ("12a", 10), ("1__0", 10), ("_1", 10), ("08", 0),
                ("2", 2), ("0x", 16), ("1 2", 10), ("12", 37), ("12", 1), (" ", 10)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
for v in (None, [1], float("nan"), float("inf")):
    try:
        print(int(v))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int("٣٤"), int("１２"), int("٣", 16), float("١٫٥".replace("٫", ".")))
