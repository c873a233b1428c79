# Checks mixed big-int/float operations: true division rounding, floor division, modulo
print(10 ** 30 / 3, (10 ** 30 + 1) / 10 ** 30, 2 ** 1000 / 2 ** 999, (2 ** 1100) / (3 ** 600))
print(10 ** 20 // 3.0, 10 ** 20 % 7.0, (2 ** 60) * 0.5, 2 ** 60 + 0.5)
print(int(10 ** 20 / 3), 10 ** 20 // 3, (10 ** 17 + 1) / 1 == 10 ** 17)
print((-(10 ** 25)) // 7.5, (-(10 ** 25)) % 7.5)
print(1 / 10 ** 400 if False else 10 ** 5 / 10 ** 400)
print(3 ** 300 / 3 ** 299, 7 ** 200 // 7 ** 199, (12345678901234567890 * 3) / 3)
print(float(123456789012345678901234567890), 123456789012345678901234567890 * 1.0)
try:
    print(10 ** 400 * 1.0)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 400 // 1.5)
except OverflowError as e:
    print(type(e).__name__, e)
print(2 ** 0.5 * 2 ** 0.5, 10 ** 0.5, 8 ** (1 / 3), (-8) ** 2.0, 2 ** 62.0)
