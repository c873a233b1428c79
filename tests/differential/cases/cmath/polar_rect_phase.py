# cmath.phase, polar, rect, abs of complex numbers, including signed zeros and axes
import cmath, math
z = 3 + 4j
print(abs(z), cmath.phase(z), cmath.polar(z))
r, phi = cmath.polar(-1 + 0j)
print(r, phi, cmath.phase(complex(-1, -0.0)))
print(cmath.rect(2, 0), cmath.rect(1, math.pi / 2).real < 1e-15)
w = cmath.rect(*cmath.polar(1 - 2j))
print(round(w.real, 12), round(w.imag, 12))
print(cmath.phase(1j), cmath.phase(-1j), cmath.phase(0j), cmath.phase(-0.0 + 0j))
print(cmath.polar(0), cmath.polar(5), cmath.polar(-2.5))
print(cmath.pi == math.pi, cmath.e == math.e, cmath.tau)
print(cmath.inf, cmath.nan != cmath.nan, cmath.infj, cmath.nanj.imag != cmath.nanj.imag)
print(cmath.isfinite(1 + 2j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)))
