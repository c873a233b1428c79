# Checks a small parser that sums numeric tokens and ends with an uncaught ValueError
tokens = "12 -3 4.5 0x1f 1e3 7_000 nine".split()
total = 0
for t in tokens:
    try:
        v = int(t, 0)
    except ValueError:
        try:
            v = float(t)
        except ValueError:
            print("bad token", repr(t))
            continue
    total += v
    print(f"{t:>6} -> {v!r:>8} total={total}")
print(round(total, 3))
print(int("12.0"))
