# Slicing lists, tuples and strings with negative steps and out-of-range bounds
xs = list(range(10))
print(xs[::-1])
print(xs[::-2])
print(xs[8:2:-2])
print(xs[-1:-4:-1])
print(xs[2:8:-1])
print(xs[100:0:-3])
print(xs[-100:100])
print(xs[5:-100:-1])
t = tuple("abcdef")
print(t[::-1], t[-2::-2])
print("héllo wörld"[::-1])
print(xs[slice(None, None, -3)])
s = slice(1, 9, 2)
print(s.start, s.stop, s.step, s.indices(5))
print(slice(None, None, -1).indices(7))
try:
    xs[::0]
except ValueError as e:
    print(type(e).__name__, e)
