# Checks truthiness of numbers and the values returned by and/or/not
vals = [0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, float('nan'), 10 ** 100, False, True]
print([bool(v) for v in vals])
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, 0.0 or 0j, 0 or 0.0 or None, not 0, not 2.5)
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or [] or 4, (2 > 1) + (3 > 1))
x = 0
y = x or 42
z = x and 1 / x
print(y, z, [v or -1 for v in [0, 1, 0.0, 2]])
count = 0
def side(v):
    global count
    count += 1
    return v
r = side(0) and side(1)
r2 = side(1) or side(2)
print(r, r2, count)
print(max(0, 0.0), min(0.0, 0), 1 if -0.0 else 2, 1 if float('nan') else 2)
print(all([1, 2.5, 1j]), any([0, 0.0, 0j]), all([]), any([]))
