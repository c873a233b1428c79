# default argument values: evaluation time, mutable default pitfall, None sentinel, __defaults__
def append_bad(x, acc=[]):
    acc.append(x)
    return acc
print(append_bad(1), append_bad(2), append_bad(3, []))

def append_good(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(append_good(1), append_good(2))

n = 10
def show(v=n):
    return v
n = 20
print(show())

_missing = object()
def get(d, key, default=_missing):
    if key in d:
        return d[key]
    if default is _missing:
        raise KeyError(key)
    return default
print(get({"a": 1}, "a"), get({}, "b", None))
try:
    get({}, "c")
except KeyError as e:
    print(type(e).__name__, e)

def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=0, c=0))
def g(a, b=1, *, c, d=4):
    return a, b, c, d
print(g(0, c=3), g(0, 9, d=1, c=2))
