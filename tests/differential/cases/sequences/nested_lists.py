# Nested lists: aliasing with *, comprehensions, deep access and mutation
bad = [[0] * 3] * 3
bad[0][0] = 1
print(bad)
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, grid[1][2], grid[-1][-1])
print([row[1] for row in grid])
print([x for row in grid for x in row if x % 2 == 0])
print(list(map(list, zip(*grid))))
grid[1][1:] = ["a", "b"]
print(grid)
flat = sum(grid, [])
print(flat, len(flat))
deep = [1, [2, [3, [4, []]]]]
print(deep[1][1][1], len(deep[1][1][1][1]))
cyc = [1, 2]
cyc.append(cyc)
print(cyc, cyc[2][2][0])
d = [[1, 2], [3]]
cp = d.copy()
cp[0].append(99)
cp.append([7])
print(d, cp)
print(sorted([[3, 1], [2], [3, 0], []]))
