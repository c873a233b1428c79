# Checks building an aligned text report with str.format, ljust/rjust and computed widths
rows = [("Widget", 4, 3.5), ("Gadget Pro", 12, 129.99), ("Ünïcode", 1, 0.5), ("X", 1000, 1234.5)]
w = max(len(r[0]) for r in rows)
header = "{:<{w}} | {:>5} | {:>10}".format("Item", "Qty", "Total", w=w)
print(header)
print("-" * len(header))
for name, qty, price in rows:
    print("{:<{w}} | {:>5d} | {:>10,.2f}".format(name, qty, qty * price, w=w))
print("=" * len(header))
total = sum(q * p for _, q, p in rows)
print("{:>{w}}   {:>5}   {:>10,.2f}".format("TOTAL", "", total, w=w))
print(f"{'centered':^{len(header)}}|")
print("|".join(s.center(8, ".") for s in ["a", "bb", "ccc"]))
for name, qty, _ in rows:
    print(name.ljust(w + 2, "."), str(qty).rjust(6, " "), str(qty).zfill(6))
