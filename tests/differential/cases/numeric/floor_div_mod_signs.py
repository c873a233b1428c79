# Checks // and % with all sign combinations for ints and floats
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, -3), (-0.0, 3), (1e-20, 3), (-1e-20, 3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(5 % 0.3, -5 % 0.3)
print(3.0 // 0.1, 3.0 % 0.1)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
