# for-loop iteration helpers: enumerate, zip (strict), reversed, range steps, dict views, mutation during iteration
names = ["ann", "bob", "cy"]
ages = [31, 25]
for i, n in enumerate(names, 1):
    print(i, n, end="; ")
print()
print(list(zip(names, ages)), list(zip()))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(reversed(names)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
print(range(0, 20, 5)[2], range(1, 10)[::2], len(range(-10, 10, 3)), 7 in range(1, 10, 2))
d = {"a": 1, "b": 2, "c": 3}
for k in d:
    d[k] *= 10
print(d, list(d.items())[-1], list(reversed(d)))
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print(type(e).__name__, e)
keys = d.keys()
d["new"] = 1
print(sorted(keys), len(keys), "new" in keys)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
