# Decimal sqrt, exp, ln, log10, power with non-integers, at default and reduced precision
from decimal import Decimal, localcontext, InvalidOperation
print(Decimal(2).sqrt(), Decimal(16).sqrt(), Decimal("0.25").sqrt(), Decimal(0).sqrt())
print(Decimal(1).exp(), Decimal(0).exp(), Decimal(-1).exp())
print(Decimal(10).ln(), Decimal(1).ln(), Decimal(1000).log10(), Decimal("0.001").log10(), Decimal(2).log10())
print(Decimal(2) ** Decimal("0.5"), Decimal(8) ** (Decimal(1) / Decimal(3)))
with localcontext() as ctx:
    ctx.prec = 10
    print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(2).ln(), Decimal(3).sqrt() ** 2)
with localcontext() as ctx:
    ctx.prec = 60
    print(Decimal(2).sqrt())
print(Decimal("Infinity").sqrt(), Decimal("-Infinity").exp(), Decimal("1E-10").sqrt())
for bad in (lambda: Decimal(-4).sqrt(), lambda: Decimal(-1).ln(), lambda: Decimal(0).ln()):
    try:
        print(bad())
    except InvalidOperation as e:
        print(type(e).__name__)
    except Exception as e:
        print(type(e).__name__, e)
