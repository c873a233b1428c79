# Checks bitwise operators, shifts, bit_length and bit_count on ints incl. negative and big
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, bin(a & b))
print(-5 & 3, -5 | 3, -5 ^ 3, ~-1, ~0)
print(1 << 100, (1 << 100) >> 99, -16 >> 2, -1 >> 10, -17 >> 1)
print(255 >> 0, 5 << 0)
for n in [0, 1, 2, 7, 8, 255, 256, -1, -8, -255, 2 ** 100, -(2 ** 100)]:
    print(n, n.bit_length(), n.bit_count())
print((2 ** 200 - 1) & (2 ** 100), (2 ** 130) | 1, (2 ** 70) ^ (2 ** 70))
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -3
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(type(e).__name__, e)
x = 0xF0
x &= 0x3C
x |= 1
x ^= 0xFF
x <<= 3
print(x)
