# Checks repr() and str() of many float values (shortest round-trip repr)
vals = [0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5,
        0.0001234, 1.5e300, -0.0, 0.0, 5e-324, 1.7976931348623157e308, 100.0, 1e22, 1e23,
        float('inf'), float('-inf'), float('nan'), 2.5, 3.0e-10, 12345.678, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v))
print([0.1, 1e100, -2.0])
print((1.0,), {1.5: 2.25})
print(1.0 * 10 ** 16, 0.1 * 3, 1.1 * 1.1)
print(str(1e-7), repr(123e-9), 1e+5)
