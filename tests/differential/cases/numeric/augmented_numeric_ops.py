# Checks augmented assignment operators on ints, floats and complex including type promotion
x = 10
x += 5; print(x, end=' ')
x -= 20; print(x, end=' ')
x *= -3; print(x, end=' ')
x //= 4; print(x, end=' ')
x %= 3; print(x, end=' ')
x **= 10; print(x, end=' ')
x /= 4; print(x, type(x).__name__)
y = 7
y <<= 70; y >>= 68; y |= 1; y &= 0b11101; y ^= 0xFF
print(y)
z = 1
z += 0.5; z *= 2j; z -= 1
print(z, type(z).__name__)
n = 2
n **= -2
print(n)
counts = [0, 0, 0]
for i in range(10):
    counts[i % 3] += i
print(counts)
d = {'a': 1.5}
d['a'] *= 4
d['a'] //= 4
print(d)
try:
    q = 5
    q /= 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    r = "a"
    r -= 1
except TypeError as e:
    print(type(e).__name__, e)
