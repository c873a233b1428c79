# cmath: complex sqrt/exp/log, polar/rect, phase, trig and constants
import cmath

print(cmath.sqrt(-1), cmath.sqrt(-4 + 0j), cmath.sqrt(3 + 4j), cmath.sqrt(complex(-0.0, -0.0)))
print(cmath.exp(1j * cmath.pi), cmath.exp(0), cmath.log(-1), cmath.log(1j), cmath.log10(100), cmath.log(8, 2))
print(cmath.phase(-1), cmath.phase(-1 - 0j), cmath.phase(complex(-1, -0.0)), cmath.phase(1j), abs(3 + 4j))
r, phi = cmath.polar(1 + 1j)
print(r, phi, cmath.rect(2, cmath.pi / 2), cmath.rect(1, 0))
print(cmath.sin(1j), cmath.cos(1 + 1j), cmath.tan(0.5j), cmath.asin(2), cmath.acos(2))
print(cmath.sinh(1), cmath.cosh(1j), cmath.tanh(1 + 2j), cmath.atan(2j) if False else cmath.atan(0.5j))
print(cmath.asinh(1j), cmath.acosh(0.5), cmath.atanh(2))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(1, float("inf"))), cmath.isnan(cmath.nanj), cmath.isclose(1 + 1j, 1.0000000001 + 1j))
for bad in [0, 1]:
    try:
        print(cmath.log(bad) if bad == 0 else cmath.atanh(bad))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    cmath.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(cmath.sqrt(complex(float("inf"), float("nan"))), cmath.exp(complex(float("-inf"), 1)))
