# formatting huge ints and large floats with f, e, g, d, grouping, and rounding
big = 10 ** 25 + 123
print(f"{big:d}", f"{big:f}", f"{big:.2f}", f"{big:e}", f"{big:g}", f"{big:.30g}")
print(f"{2 ** 64:f}", f"{2 ** 64:.0f}", f"{-2 ** 70:,.1f}", f"{2 ** 100:.5e}", f"{2 ** 100:,}")
print(f"{1e22:f}", f"{1e23:f}", f"{1.5e300:.3e}", f"{123456789012345678901234567890:.3e}")
print(f"{10 ** 100:.1e}", len(f"{10 ** 100:f}"), f"{10 ** 100:x}"[:12], len(f"{10 ** 100:b}"))
print(f"{9 ** 40:>70}", f"{9 ** 40:_}")
print(f"{2.0 ** 60:f}", f"{2.0 ** 60:,.0f}", f"{0.1:.30f}", f"{1 / 3:.25f}")
print(f"{5e-324:.400f}"[-8:], len(f"{1e300:f}"), f"{1e300:f}"[:20])
print(format(10 ** 30, "%"), format(12345678901234567890, ".3%"))
try:
    print(f"{10 ** 400:f}")
except OverflowError as e:
    print(type(e).__name__, e)
print(f"{10 ** 400:e}"[:10] if False else f"{10 ** 400:d}"[:10], str(10 ** 400)[-3:])
