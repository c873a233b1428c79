# *args and **kwargs: collecting, unpacking at call sites, merging, ordering
def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2, x=3))
print(collect(*[1, 2], *(3,), **{"a": 1}, b=2))
print(collect(*"ab", **dict(z=0)))

def point(x, y, z=0):
    return f"({x}, {y}, {z})"
args = (1, 2)
kw = {"z": 3}
print(point(*args), point(*args, **kw), point(**{"x": 5, "y": 6}))
try:
    point(1, **{"x": 2, "y": 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    collect(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    point(*[1, 2, 3, 4])
except TypeError as e:
    print(type(e).__name__, e)
try:
    collect(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)

def wrapper(*a, **k):
    return point(*a, **k)
print(wrapper(7, 8, z=9))
def order(**kw):
    return list(kw)
print(order(b=1, a=2, c=3))
print(max(*[3, 9, 2]), print(*["x", "y"], sep="-"))
first, *rest = collect(1, 2, 3)[0]
print(first, rest)
