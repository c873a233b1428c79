# decimal context: precision affects arithmetic results (not construction), localcontext, traps
from decimal import Decimal, getcontext, localcontext, Context, DivisionByZero, InvalidOperation, Inexact
print(getcontext().prec, getcontext().rounding)
print(Decimal(1) / Decimal(7), Decimal(2) / Decimal(3))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("3.14159265") + 0, Decimal("3.14159265"))
    ctx.prec = 50
    print(Decimal(1) / Decimal(7))
print(Decimal(10) / Decimal(4), getcontext().prec)
c = Context(prec=3)
print(c.divide(Decimal(10), Decimal(3)), c.add(Decimal("1.234"), Decimal("5.678")), c.create_decimal("9.8765"))
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print(type(e).__name__, isinstance(e, ZeroDivisionError))
try:
    Decimal(0) / Decimal(0)
except InvalidOperation as e:
    print(type(e).__name__)
with localcontext() as ctx:
    ctx.traps[DivisionByZero] = False
    print(Decimal(1) / Decimal(0), Decimal(-1) / Decimal(0))
    ctx.traps[Inexact] = True
    try:
        Decimal(1) / Decimal(3)
    except Inexact as e:
        print(type(e).__name__)
print(Decimal("1E+3") * 1, +Decimal("1.000000000000000000000000000001"))
