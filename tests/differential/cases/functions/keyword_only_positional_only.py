# positional-only (/) and keyword-only (*) parameters, and error messages for misuse
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4, e=6))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
def pos_only_kwargs(a, /, **kw):
    return a, kw
print(pos_only_kwargs(1, a=2))
def kwonly(*, x, y):
    return x - y
print(kwonly(y=1, x=10))
try:
    kwonly(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kwonly(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    kwonly(x=1, y=2, z=3)
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(7, 2), pow(2, 10, 1000))
try:
    len(obj=[1])
except TypeError as e:
    print(type(e).__name__, e)
