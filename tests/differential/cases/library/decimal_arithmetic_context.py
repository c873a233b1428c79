# decimal: exact arithmetic, precision via context, quantize and rounding
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN

print(Decimal("0.1") + Decimal("0.2"), 0.1 + 0.2)
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN))
print(Decimal("-7.9").quantize(Decimal("1"), rounding=ROUND_DOWN))
print(Decimal("1.30") * 2, Decimal("10") ** 3, Decimal("-3.5").copy_abs())
print(Decimal(0.5), Decimal("1e3"), Decimal("1E+3").normalize(), Decimal("100").normalize())
print(Decimal(2).sqrt(), Decimal(10).ln().quantize(Decimal("1e-10")))
print(round(Decimal("3.14159"), 2), int(Decimal("-9.99")), float(Decimal("1.25")))
print(Decimal("7") // Decimal("-2"), Decimal("7") % Decimal("-2"), divmod(Decimal(17), 5))
print(getcontext().prec, repr(Decimal("5.0")))
