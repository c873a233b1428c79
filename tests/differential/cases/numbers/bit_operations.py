# bitwise operators on ints incl. negatives and big ints, shifts, bin/hex/oct
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 10, -12 | 10, -12 ^ 10, ~-1, ~0, -1 & 0xff, -256 & 0xff)
print(1 << 10, 1 << 100, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 1, -5 >> 1)
print((2 ** 100 + 5) & 0xf, (2 ** 100) | 1 == 2 ** 100 + 1, (-2 ** 100) >> 98, ~(2 ** 70))
print(bin(-5), hex(-255), oct(-8), bin(0), hex(0), oct(0))
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print(True & False, True | False, True ^ True, ~True, True << 3, type(True & True).__name__)
print({1, 2} & {2, 3}, 6 & 3 | 8 ^ 1, 1 | 2 << 3)
x = 0b1111
x &= 0b1010; print(x)
x |= 0b0101; print(x)
x ^= 0b0011; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
for op in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 & 1, lambda: 1 << 2.0):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
