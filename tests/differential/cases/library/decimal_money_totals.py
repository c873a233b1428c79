# decimal: a small invoice computation with sum, rounding and formatting
from decimal import Decimal, ROUND_HALF_UP

items = [("apple", "0.35", 7), ("bread", "2.49", 2), ("cheese", "7.125", 1), ("tea", "3.10", 3)]
CENT = Decimal("0.01")
total = Decimal(0)
for name, price, qty in items:
    line = (Decimal(price) * qty).quantize(CENT, rounding=ROUND_HALF_UP)
    total += line
    print(f"{name:<8}{qty:>3} x {Decimal(price):>6} = {line:>7}")
tax = (total * Decimal("0.0825")).quantize(CENT, rounding=ROUND_HALF_UP)
print("subtotal", total, "tax", tax, "total", total + tax)
print(sum([Decimal("0.1")] * 10), sum([Decimal("0.1")] * 10) == 1)
split = (total / 3).quantize(CENT)
print(split, split * 3, total - split * 3)
print(Decimal("19.99").to_integral_value(), Decimal("-0.005").quantize(CENT, rounding=ROUND_HALF_UP))
print(Decimal(" 42 "), Decimal("1_000.5"), Decimal("+.5"))
print(Decimal("3.5").scaleb(2), Decimal("1234").shift(-2) if False else Decimal("1234").rotate(0))
