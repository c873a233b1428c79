# Checks numeric literal syntax: underscores, bases, exponents, imaginary literals
print(1_000, 0x_FF, 0o_17, 0b_1010, 1_0.5_0, 1e1_0, 0XdeadBEEF, 0O777, 0B11)
print(00, 0_0, 1., .5, 1e-3, 1E+3, 3.14j, 10j, 1_0j, 0.j)
print(type(1e0).__name__, type(1j).__name__, type(0x10).__name__)
print(bin(10), oct(10), hex(10), bin(-10), oct(-10), hex(-10), bin(0), hex(2 ** 70))
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, -1 ** 0.5)
print(1 if 0x0 else 2, 0xff == 255 == 0o377 == 0b11111111)
print(7 // 2 * 2 + 7 % 2, 2 * 3 ** 2, 10 - 2 - 3, 2 ** -1 ** 2)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, 1 < 2 > 0)
class Idx:
    def __index__(self):
        return 5
print(bin(Idx()), hex(Idx()), oct(Idx()), [0, 1, 2, 3, 4, 5, 6][Idx()], "abcdefg"[:Idx()])
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
