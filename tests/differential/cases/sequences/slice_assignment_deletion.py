# Slice assignment and deletion on lists, including extended slices
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[:] = a[::-1]
print(a)
b = list(range(8))
b[::2] = "abcd"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-2:]
print(c)
d = [1, 2, 3]
d[len(d):] = [4, 5]
d[-1:] = []
print(d)
e = [1, 2, 3]
e[1:2] = range(5)
print(e)
try:
    e[0:1] = 5
except TypeError as ex:
    print(type(ex).__name__, ex)
f = [0] * 5
f[10:20] = [9]
print(f)
