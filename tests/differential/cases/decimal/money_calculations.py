# Decimal for money: invoice totals, tax rounding, splitting a bill, percentages, formatting with separators
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN
CENT = Decimal("0.01")
items = [("widget", Decimal("19.99"), 3), ("gadget", Decimal("4.25"), 7), ("gizmo", Decimal("0.10"), 33)]
subtotal = sum((price * qty for _, price, qty in items), Decimal("0"))
tax = (subtotal * Decimal("0.0825")).quantize(CENT, rounding=ROUND_HALF_UP)
total = subtotal + tax
print(subtotal, tax, total, f"{total:,.2f}", f"{total * 1000:,}")
for name, price, qty in items:
    print(f"{name:<8}{qty:>4} x {price:>6} = {price * qty:>8}")
def split(amount, n):
    share = (amount / n).quantize(CENT, rounding=ROUND_DOWN)
    parts = [share] * n
    rest = amount - share * n
    i = 0
    while rest > 0:
        parts[i] += CENT
        rest -= CENT
        i += 1
    return parts
parts = split(Decimal("100.00"), 3)
print(parts, sum(parts))
print(split(Decimal("0.05"), 4), split(Decimal("7"), 7))
rate = Decimal("3.5") / 100
balance = Decimal("1000")
for year in range(3):
    balance = (balance * (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    print(year + 1, balance)
print(Decimal("-12.345").quantize(CENT, rounding=ROUND_HALF_UP), f"{Decimal('-1234567.891'):,.2f}", f"{Decimal('0.075'):.1%}")
