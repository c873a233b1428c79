# complex numbers: literals, arithmetic, attributes, repr, parsing, cmath, errors
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, -z, z.conjugate())
print(z.real, z.imag, abs(z), type(z.real).__name__, z == complex(3, 4), z != w)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 8, 2 ** 1j == complex(2) ** 1j, pow(1j, 2))
print(complex(), complex(5), complex(0, 0), complex(-0.0, -0.0), 0j, -0j, 1e300j * 1e10)
print(repr(complex(1.5, 0)), repr(complex(0, 1.5)), repr(complex(-1, 0.1)), str(1 + 0j))
print(complex("1+2j"), complex(" 3-4j "), complex("5j"), complex("-2"), complex("(1+1j)"), complex("inf+nanj"))
print(complex(1 + 2j, 3j), complex(True, False), (1 + 2j) == 1 + 2j, (2 + 0j) == 2, 1j + True)
print(f"{z}", f"{z:.2f}", f"{w:>12}", format(1.5 + 2.25j, "g"), "%s" % (1j,))
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-15)
print(cmath.rect(2, 0), cmath.isclose(cmath.sqrt(2j) ** 2, 2j), cmath.isnan(complex("nan")))
for op in (lambda: z < w, lambda: complex("1+"), lambda: z // 2, lambda: z % 2, lambda: 1 / 0j,
           lambda: int(z), lambda: complex("1", 2)):
    try:
        print(op())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
