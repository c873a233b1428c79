# Tuples as records: multiple return values, swapping, sorting records, tuple keys
def divmod_sign(a, b):
    q, r = divmod(a, b)
    return q, r, "neg" if a < 0 else "pos"
print(divmod_sign(17, 5), divmod_sign(-17, 5))
q, r, sign = divmod_sign(-7, 2)
print(q, r, sign)
a, b = 1, 2
a, b = b, a
print(a, b)
points = [(3, 4), (1, 1), (0, 5), (3, 0)]
print(sorted(points), sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
grid = {(0, 0): "origin", (1, 2): "p"}
print(grid[0, 0], grid.get((1, 2)), (1, 2) in grid, (2, 1) in grid)
print(tuple(sorted(t) for t in [(3, 1), (2, 2)]), tuple(map(sum, points)))
x = 1, 2, 3
print(type(x).__name__, len(x), x[::-1], x[1:], x + (x,))
for idx, (px, py) in enumerate(points[:2]):
    print(idx, px, py)
print(divmod(7, -2), divmod(-7.5, 2), divmod(2**70, 3))
print(tuple("ab") < tuple("abc"), max(points, key=lambda p: (p[1], -p[0])))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
