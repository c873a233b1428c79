# Checks string slicing with positive/negative steps, out-of-range bounds and slice objects
s = "0123456789"
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3], s[-3:], s[:-3], s[-100:100])
print(repr(s[5:2]), repr(s[100:]), s[-1::-3], s[:3:-1], s[3::-1], repr(s[0:0:-1]), s[::10], s[::-10])
u = "héllo wörld 日本"
print(u[::-1], u[1:5], u[-2:], u[::3], len(u))
sl = slice(1, None, 3)
print(s[sl], sl.indices(10), slice(None, None, -1).indices(5), slice(-3, 100).indices(10))
print(s[slice(2)], s[slice(None)], s[True:], s[-1], s[0], s[len(s) - 1])
for bad in [lambda: s[::0], lambda: s[10], lambda: s[-11], lambda: s["1"], lambda: s[1.0:]]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    s[0] = "x"
except TypeError as e:
    print(type(e).__name__, e)
