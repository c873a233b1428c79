# slicing strings: steps, negatives, out-of-range bounds, slice objects, reversal
s = "Hello, World!"
print(s[0], s[-1], s[7:], s[:5], s[-6:-1], s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[5:5]), s[::100], repr(s[0:0:-1]))
print(s[slice(2, 9, 3)], s[slice(None, None, -3)], s[slice(-3, None)], slice(1, 5, 2).indices(len(s)))
print(slice(None, None, -1).indices(5), slice(-100, 100).indices(10), slice(10, -10, -2).indices(7))
u = "añ日😀b"
print(u[1:4], u[::-1], u[-2], u[3:], len(u[2:]))
print("abcdef"[True:], "abcdef"[:-False or None], "abcdef"[1:-1][::-1])
print([s[i:i + 3] for i in range(0, len(s), 3)], "".join(s[i] for i in range(len(s) - 1, -1, -4)))
print(s[len(s) - 1], s[-len(s)])
for op in (lambda: s[13], lambda: s[-14], lambda: s[::0], lambda: s["1":], lambda: s[1.0], lambda: s[1:2:0]):
    try:
        print(op())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    s[0] = "h"
except TypeError as e:
    print(type(e).__name__, e)
