# Checks float() parsing: signs, whitespace, underscores, exponents, inf/nan, errors
for s in ["3.14", "  -2.5 ", "+1e3", "1_000.5", "1e-5", ".5", "5.", "-.5e+2", "1E10",
          "inf", "-Infinity", "nAn", "  +inf\n", "0x1p3", "1_0e1_0"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
for bad in ["", "1.2.3", "e5", "1e", "_1.0", "1._5", "abc", "1,5", "infinit"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(float(10), float(-0), float(2 ** 60), float(True))
print(float("1e400"), float("-1e400"), float("1e-400"))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float([1])
except TypeError as e:
    print(type(e).__name__, e)
