# cmath.sqrt of negatives, exp, log with and without base, log10, Euler's identity
import cmath
print(cmath.sqrt(-1), cmath.sqrt(-4), cmath.sqrt(4), cmath.sqrt(2j))
print(cmath.sqrt(complex(-4, -0.0)), cmath.sqrt(0))
e = cmath.exp(1j * cmath.pi)
print(round(e.real, 10), abs(e.imag) < 1e-15)
print(cmath.exp(0), cmath.exp(1), cmath.exp(complex(0, 0)))
print(cmath.log(-1), cmath.log(1j))
print(cmath.log(8, 2), cmath.log10(1000), cmath.log10(-100))
print(cmath.log(cmath.e ** 2))
for z in [1 + 1j, -2 + 0.5j, 3j]:
    back = cmath.exp(cmath.log(z))
    print(z, round(back.real, 12), round(back.imag, 12))
try:
    cmath.log(0)
except ValueError as e:
    print(type(e).__name__, e)
