# Checks complex arithmetic, attributes, repr/str and errors
z = 3 + 4j
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w)
print(abs(z), z.real, z.imag, z.conjugate(), -z, +z)
print(z ** 2, z ** 0.5, 1j ** 2, (1 + 1j) ** 3)
print(complex(1, 2), complex("3+4j"), complex(" -1.5-2j "), complex("j"), complex(2))
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)))
print(complex(1e300, 1e-300), complex(float('inf'), float('nan')), 2j * 1.5)
print(1j == complex(0, 1), (1 + 0j) == 1, z != w, hash(1 + 0j) == hash(1))
print(complex(1, 2) * 2, 2 / (1 + 1j), type(1j + 1).__name__)
print([1 + 2j, 3.5j], str(1.5 + 0j), repr(complex(1, 1e20)))
print(f"{z}", format(z, '.2f'), format(w, '>12'), format(1.5 + 2.25j, 'g'))
for bad in [lambda: z // w, lambda: z % 2, lambda: z < w, lambda: complex("1+2"), lambda: (1 + 1j) / 0]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
