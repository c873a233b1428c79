# cmath: complex number arithmetic, repr/str formatting and solving a quadratic
import cmath

z = 3 - 4j
print(z, repr(z), z.real, z.imag, z.conjugate(), abs(z), -z, z * 1j, z / 2, z ** 2)
print(complex("1+2j"), complex(" 3-j "), complex(2), complex(1, -0.0), complex(-0.0, 0.0), 1j ** 2)
print(complex(1e300, 1e300) * 10, (1 + 2j) / (3 - 4j), pow(1j, 1j), (2 + 0j) ** 0.5)
print(f"{z:.2f}", f"{1.5 + 2.25j:>16}", format(1j, "g"), f"{(1+2j):e}", str(0j), str(-0j), str(complex(0, -0.0)))
def roots(a, b, c):
    d = cmath.sqrt(b * b - 4 * a * c)
    return (-b + d) / (2 * a), (-b - d) / (2 * a)
print(roots(1, 2, 5), roots(1, -3, 2), roots(1, 0, 1))
print((1 + 2j) == complex(1, 2), 1 + 0j == 1, hash(1 + 0j) == hash(1), complex(1, 2) != 1)
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex("1+2")
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sum([1j, 2, 3.5 - 1j]), [round(abs(cmath.exp(2j * cmath.pi * k / 4)), 12) for k in range(4)])
