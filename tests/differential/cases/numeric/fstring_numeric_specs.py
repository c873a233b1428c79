# Checks f-string numeric format specs including nested width/precision fields
price, qty, ratio = 1234.5, 42, 0.4567
print(f"{price:,.2f} {qty:05d} {ratio:.1%} {qty:#x} {qty:#o} {qty:#b}")
w, p = 12, 3
print(f"[{price:{w}.{p}f}] [{price:<{w}}] [{qty:^{w}}] [{ratio:>{w}.{p}e}]")
fill, align = '*', '^'
print(f"[{qty:{fill}{align}{w}}]")
for x in [0, 1, -1, 255, 65535]:
    print(f"{x:>6d}|{x:<#6x}|{x:^+6}|{x:06b}")
print(f"{3.0:g} {3.5e-7:g} {1e-5:.2g} {123456789:e} {-12.5:+08.2f}")
print(f"{1_000_000:_} {1_000_000:,} {0.000001:f} {123.456:.0f} {123.456:10.1e}")
table = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 12.0, 1)]
for name, cost, n in table:
    print(f"{name:<12}{cost:>8.2f}{n:>4}{cost * n:>10,.2f}")
print(f"{2**64:,}", f"{-2**64:_x}", f"{10**15:.2e}")
print(f"{12:{'>'}{8}}", f"{'%'}", f"{7:{'0'}{3}}")
