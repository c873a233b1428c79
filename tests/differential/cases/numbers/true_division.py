# true division always gives a float; rounding behaviour with big ints
print(1 / 2, 4 / 2, type(4 / 2).__name__, -1 / 3, 2 / 3)
print(10 / 4, -10 / 4, 10 / -4, 0 / 5, 0 / -5)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(10 ** 20 / 10 ** 10, (10 ** 20 + 1) / 10 ** 20, 2 ** 53 / 1, (2 ** 53 + 1) / 1)
print(10 ** 300 / 10 ** 299, 1 / 10 ** 300, 3 / 7 * 7)
print(7.0 / 2, 7 / 2.0, True / 2, 1 / True)
print(float("inf") / 2, 1 / float("inf"), -1 / float("inf"))
x = 9
x /= 3
print(x, type(x).__name__)
print(int.__truediv__(7, 2), (7).__rtruediv__(14))
print((12345678901234567890123 / 10), 1e308 * 10)
for a, b in [(1, 0), (0.0, 0), (1, -0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
