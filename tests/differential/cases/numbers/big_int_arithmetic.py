# arbitrary-precision integers: growth, negatives, division, comparisons with floats
n = 2 ** 100
print(n, n - 1, -n, n * n)
print(len(str(2 ** 1000)), str(3 ** 200)[:20], str(3 ** 200)[-10:])
f = 1
for i in range(1, 31):
    f *= i
print(f, f // 10 ** 20, f % 1000007)
print((-n) // 7, (-n) % 7, divmod(n, -12345678901))
print(n == 2.0 ** 100, n + 1 == 2.0 ** 100, n + 1 > 2.0 ** 100)
print(10 ** 30 / 10 ** 10, 10 ** 400 // 10 ** 399)
print(abs(-10 ** 50), -10 ** 50 < -10 ** 49, max(10 ** 20, 10 ** 20 + 1))
print(int("9" * 50) + 1, hex(2 ** 64), bin(2 ** 70)[:8], oct(-2 ** 65))
print((10 ** 50).bit_length(), (2 ** 64 - 1).bit_length(), (-2 ** 64).bit_length())
print(pow(2, 200, 10 ** 9 + 7), 123456789 ** 5)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 / 10 ** 399, 2 ** 1024 // 3 > 0)
