# complex numbers in small programs: quadratic roots, roots of unity, Mandelbrot membership, DFT
import cmath
def roots(a, b, c):
    d = cmath.sqrt(b * b - 4 * a * c)
    return (-b + d) / (2 * a), (-b - d) / (2 * a)
print(roots(1, -3, 2), roots(1, 2, 5), roots(1, 0, 1))
unity = [cmath.exp(2j * cmath.pi * k / 4) for k in range(4)]
print([complex(round(z.real, 9) + 0.0, round(z.imag, 9) + 0.0) for z in unity])
print(abs(sum(unity)) < 1e-12, round(abs(unity[1] * unity[3]), 12))
def in_mandelbrot(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return None
print([in_mandelbrot(complex(x, 0.5)) for x in (-2, -1, -0.5, 0, 0.25, 0.5, 1)])
signal = [1, 0, -1, 0]
n = len(signal)
dft = [sum(signal[t] * cmath.exp(-2j * cmath.pi * k * t / n) for t in range(n)) for k in range(n)]
print([(round(v.real, 9) + 0.0, round(v.imag, 9) + 0.0) for v in dft])
z = complex(3, -4)
print(z.conjugate() * z, abs(z) ** 2, (z * 1j).real, pow(z, 0), z == complex("3-4j"))
