# repr/str of floats: shortest round-trip, exponent switching, signed zero, specials
vals = [0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1.0, -0.0, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.00012345, 1.5e-10, 5e-324, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 63,
        float("inf"), float("-inf"), float("nan"), 1e22, 1e23, 9.999999999999999e22, 0.3, 3.0e-3]
for v in vals:
    print(repr(v), str(v))
print([1.1, 2.2], (0.5,), {1.25: -0.0})
print(f"{0.1}", f"{1e16}", "%s" % 1e-7, "%r" % 2.5)
print(repr(round(2.675, 2)), repr(1.1 * 3), repr(4.35 * 100))
print(float.__repr__(1e100), (1e100).__str__())
print(float.hex(1.0), float.hex(0.1), float.hex(-0.0), (3.5).hex(), float.hex(5e-324))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer(), float("inf").is_integer())
