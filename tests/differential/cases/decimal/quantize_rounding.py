# Decimal.quantize with every rounding mode, money rounding, round(), and quantize errors
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP, InvalidOperation
modes = [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP]
for v in ["2.345", "2.355", "-2.345", "2.3451", "0.005", "-0.015"]:
    print(v, [str(Decimal(v).quantize(Decimal("0.01"), rounding=m)) for m in modes])
cents = Decimal("0.01")
print(Decimal("19.999").quantize(cents), Decimal("7").quantize(cents), Decimal("1.5").quantize(Decimal("1")))
print(Decimal("123.456").quantize(Decimal("1E1")), Decimal("123.456").quantize(Decimal("1E+2"), rounding=ROUND_UP))
print(round(Decimal("2.675"), 2), round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("-0.5")), type(round(Decimal("1.5"))).__name__)
print(Decimal("1.23456").quantize(Decimal(".001")), Decimal("-0").quantize(cents))
try:
    Decimal("1e30").quantize(Decimal("0.01"))
except InvalidOperation as e:
    print(type(e).__name__)
print(Decimal("12.5").to_integral_value(), Decimal("13.5").to_integral_value(rounding=ROUND_HALF_UP))
