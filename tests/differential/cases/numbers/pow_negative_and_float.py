# ** with negative exponents, negative bases, floats, zero and complex results
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, type(2 ** -1).__name__)
print((-8) ** 3, (-2) ** 63, (-1) ** 1001, (-1) ** 1000)
print(4 ** 0.5, 2 ** 0.5, 8 ** (1 / 3), 0.5 ** 2, 2.0 ** 10)
print(0 ** 5, 0.0 ** 0, 1 ** 10 ** 6, (-1.0) ** 2.0)
r = (-8) ** (1 / 3)
print(type(r).__name__, round(r.real, 6), round(r.imag, 6))
print((-4) ** 0.5)
print(pow(2, -2), pow(-2.0, 3), pow(9, 0.5), pow(2, 3.0))
print(float("inf") ** 0, float("nan") ** 0, 1 ** float("nan"), 2 ** float("-inf"))
for a, b in [(0, -1), (0.0, -2), (10.0, 400)]:
    try:
        print(a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
print(10 ** 400 > 0, 2 ** 64 * 2 ** -64)
