# Checks exact comparisons between ints and floats at precision boundaries
n = 2 ** 53
print(n == float(n), n + 1 == float(n + 1), float(n + 1) == n, n + 1 > float(n))
print(10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 1 == 1.0000000000000001)
print(int(1e16), int(1e17), int(1.5e300) % 1000, int(-2.5e15))
print(float(2 ** 63), float(2 ** 63 - 1), float(10 ** 22), float(10 ** 23))
print(float(2 ** 1024 - 2 ** 971), float(-(2 ** 1024 - 2 ** 971)))
print(sorted([1, 1.0, True, 0.5, 2 ** 53 + 1, float(2 ** 53)]))
print(max(2 ** 53 + 1, float(2 ** 53)), min(3, 3.0), min(3.0, 3))
print(round(2 ** 53 + 1.0) == 2 ** 53, 9007199254740993 == 9007199254740992.0)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0, 1e16 + 1 - 1e16)
