# methods and attributes of int and float: bit_length, as_integer_ratio, conjugate, real/imag, fromhex
n = -37
print(n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator, n.conjugate())
print((10).as_integer_ratio(), (0).as_integer_ratio(), (10 ** 20).is_integer() if hasattr(int, "is_integer") else "n/a")
print((2.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (1e-3).as_integer_ratio()[1].bit_length())
print((3.0).real, (3.0).imag, (3.5).conjugate(), (-1.5).is_integer(), (1e300).is_integer())
print(float.fromhex("0x1.8p3"), float.fromhex("  -0x1p-2  "), float.fromhex("inf"), float.fromhex("0x.8"))
print(float.fromhex("0x1.fffffffffffffp+1023"), float.fromhex("0x1p-1074"), (1.5).hex(), (1024.0).hex())
print(int.from_bytes(b"\x01\x02", "big"), int("101", 2).bit_length(), (255).to_bytes(2, "big"))
print(int.__name__, float.__name__, int.__mro__[-1].__name__, type(3).__mro__[0] is int)
print(int(), float(), int.__new__(int, 5), float.__new__(float, "2.5"), (5).__index__(), (5).__int__())
print((7).__floor__(), (7).__ceil__(), (7).__round__(-1), (7.5).__trunc__(), (7.5).__floor__(), (-7.5).__ceil__())
print((7).__format__("03"), (2.5).__format__(".3f"), (5).__abs__(), (5).__neg__(), (5).__invert__(), (5).__bool__())
for op in (lambda: float.fromhex("0x1p99999"), lambda: float.fromhex("zz"), lambda: (1.5).as_integer_ratio.__self__.fromhex(""),
           lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio()):
    try:
        print(op())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
