# Decimal construction from str/int/float/tuple, exact float conversion, str/repr/format, errors
from decimal import Decimal, InvalidOperation
print(Decimal("3.14"), repr(Decimal("3.14")), Decimal(42), Decimal(-0), Decimal("-0"))
print(Decimal(0.1))
print(Decimal(1.5), Decimal(2 ** 0.5), Decimal.from_float(0.25), Decimal(float("inf")))
print(Decimal((0, (1, 2, 3), -2)), Decimal((1, (4, 5), 3)), Decimal("  12.5  "), Decimal("1_000.5"))
print(Decimal("1e5"), Decimal("1E-7"), Decimal("0.0000001"), Decimal("123456789e20"), Decimal("-1.20e-3"))
print(str(Decimal("1E+2")), Decimal("100").to_eng_string(), Decimal("1.23E+5").to_eng_string())
print(repr(Decimal("NaN")), repr(Decimal("-Infinity")), Decimal("snan"), Decimal("-inf"))
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5678'):,.1f}", f"{Decimal('0.5'):%}", f"{Decimal('12'):>8}|")
print(f"{Decimal('1.5e10'):e}", format(Decimal("-0.000123"), ".2e"), f"{Decimal('7'):08.3f}")
print(Decimal("١٢٣"), str(Decimal("00012.3400")), Decimal(10 ** 30))
for bad in ["abc", "1.2.3", "", "1e"]:
    try:
        Decimal(bad)
    except InvalidOperation as e:
        print(type(e).__name__, repr(bad))
try:
    Decimal([1, 2])
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
