# cmath: polar/rect round trips, roots of unity, branch cuts with signed zeros
import cmath

for z in [1 + 1j, -2, -1j, 3 - 4j, complex(-1, -0.0)]:
    r, p = cmath.polar(z)
    back = cmath.rect(r, p)
    print(z, round(r, 12), round(p, 12), complex(round(back.real, 12), round(back.imag, 12)))
roots = [cmath.exp(2j * cmath.pi * k / 5) for k in range(5)]
print([f"{w:.4f}" for w in roots])
s = sum(roots)
print(abs(s) < 1e-12, round(abs(roots[1] ** 5), 12))
print(cmath.sqrt(complex(-4, 0.0)), cmath.sqrt(complex(-4, -0.0)))
print(cmath.log(complex(-1, 0.0)), cmath.log(complex(-1, -0.0)))
print(cmath.acos(complex(2, 0.0)), cmath.acos(complex(2, -0.0)))
print(cmath.isclose(cmath.exp(cmath.log(5 + 2j)), 5 + 2j), cmath.isclose(0, 1e-10, abs_tol=1e-9))
print(cmath.polar(0), cmath.phase(0j), cmath.phase(complex(0.0, -0.0)), cmath.phase(complex(-0.0, -0.0)))
