# list slicing with steps, slice assignment (growing, shrinking, extended), deletion, slice objects
a = list(range(10))
print(a[2:8:2], a[::-1], a[8:2:-2], a[-3::-3], a[:-7:-1], a[::4], a[100::-1][:2], a[slice(1, None, 3)])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [7, 7, 7]
print(b)
b[:] = "abc"
print(b)
b[len(b):] = [1, 2]
print(b, len(b))
c = list(range(8))
c[::2] = "ABCD"
print(c)
c[::-3] = [None] * 3
print(c)
del c[1::2]
print(c)
d = list(range(6))
d[4:1:-1] = "xyz"
print(d)
d[10:20] = ["end"]
d[-100:1] = ["start"]
print(d)
e = list(range(5))
del e[::-1]
print(e)
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s.indices(6), list(range(10))[s], repr(slice(None)), slice(1, 2) == slice(1, 2))
for op in (lambda: a.__setitem__(slice(None, None, 2), [1, 2]), lambda: a[::0], lambda: a.__setitem__(slice(0, 2), 5)):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
