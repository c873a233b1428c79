# cmath.isclose tolerances, complex arithmetic, conjugate, complex() parsing and errors
import cmath
print(cmath.isclose(1 + 1j, 1 + 1.000000001j), cmath.isclose(1 + 1j, 1 + 1.001j))
print(cmath.isclose(1j, 1.01j, rel_tol=0.05), cmath.isclose(0j, 1e-10j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
try:
    cmath.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print(type(e).__name__, e)
a, b = 2 + 3j, 1 - 1j
print(a + b, a - b, a * b, a / b, a ** 2, (1j) ** 2)
print(a.conjugate(), a.real, a.imag, complex("1+2j"), complex(" 3-4j "), complex("-j"))
print(complex(1, 2) == 1 + 2j, 2 + 0j == 2, repr(complex(0, -0.0)), repr(-0j))
print(str(complex(1e20, 1e-5)), complex(float("inf"), 1))
try:
    complex("1 + 2j")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print((1 + 1j) / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    cmath.sqrt("x")
except TypeError as e:
    print(type(e).__name__, e)
