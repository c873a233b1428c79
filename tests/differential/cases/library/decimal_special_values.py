# decimal: infinities, NaN, signals/traps, comparisons and tuples
from decimal import Decimal, InvalidOperation, DivisionByZero, localcontext, Context

inf = Decimal("Infinity")
print(inf, -inf, Decimal("NaN"), Decimal("-0"), inf > 10**100)
print(Decimal("NaN").is_nan(), inf.is_infinite(), Decimal("-0").is_signed(), Decimal(3).is_zero())
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print(type(e).__name__, isinstance(e, ZeroDivisionError))
try:
    Decimal("abc")
except InvalidOperation as e:
    print(type(e).__name__)
with localcontext() as ctx:
    ctx.traps[DivisionByZero] = False
    print(Decimal(1) / Decimal(0), Decimal(-1) / Decimal(0))
print(Decimal("1.5").as_tuple())
print(Decimal((1, (3, 1, 4), -2)))
print(Decimal("1.0") == Decimal("1"), Decimal("0.1") == 0.1, Decimal(2) == 2)
print(sorted([Decimal("2.5"), Decimal("-1"), Decimal("0.33")]))
print(max(Decimal("1.10"), Decimal("1.1")), Decimal("1.10").compare(Decimal("1.1")))
print(Decimal(123).adjusted(), Decimal("0.00123").adjusted(), Decimal("12.345").as_integer_ratio())
print(Context(prec=3).create_decimal("3.14159"), Decimal("1e-7"), str(Decimal("0.0000001")))
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5'):,}", f"{Decimal('0.5'):%}")
print(Decimal(10**30) + 1)
