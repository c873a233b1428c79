# Checks float.is_integer, as_integer_ratio, hex, fromhex and int.as_integer_ratio
for x in [1.0, 1.5, -0.0, 1e20, 0.1, float('inf')]:
    print(x, x.is_integer())
for x in [0.5, 0.1, -2.75, 3.0, 0.0, 1e-3]:
    print(x, x.as_integer_ratio())
print((10).as_integer_ratio(), (-3).as_integer_ratio(), (True).as_integer_ratio())
for x in [1.0, 0.5, 0.1, -2.0, 0.0, -0.0, 3.14, 1e300, 5e-324, float('inf')]:
    print(x.hex())
for s in ["0x1p0", "0x1.8p1", "-0x1.999999999999ap-4", "0x.8", "  0XAP2 ", "inf", "0x1p-1074", "1"]:
    print(s.strip(), float.fromhex(s))
for bad in ["0x", "0x1p", "zz", "0x1p99999"]:
    try:
        float.fromhex(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in [float('nan'), float('inf')]:
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(float.fromhex((2.5).hex()) == 2.5, (7).is_integer() if hasattr(int, 'is_integer') else 'n/a')
