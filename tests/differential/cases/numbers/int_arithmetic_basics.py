# basic int arithmetic: precedence, unary ops, mixed with floats, augmented ops
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a + b, -(a - b), +a, --a, -a ** 2, (-a) ** 2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * (3 - 4) / 2)
print(7 + 0.5, 7 * 1.0, type(7 * 1.0).__name__, 3 - True)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
print(0 * -1, -0, 0 == -0, 10 ** 0, 0 ** 0)
print(int.__add__(3, 4), (3).__mul__(4), (5).__rsub__(2))
print((3).__add__(1.5))
print(sum(range(101)), 2 ** 10 - 1, 1_000_000 + 1)
print(0b1010 + 0o17 + 0xff, 0B11, 0O7, 0XA)
try:
    print(1 + "1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(None - 1)
except TypeError as e:
    print(type(e).__name__, e)
