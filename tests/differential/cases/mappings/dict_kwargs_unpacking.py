# Passing dicts as **kwargs, collecting **kwargs, merging with {**a, **b}
def connect(host="localhost", port=80, **extra):
    return f"{host}:{port} {sorted(extra.items())}"
opts = {"host": "example.org", "port": 443}
print(connect(**opts), connect(**{"timeout": 5}), connect(port=1, **{"ssl": True}))
try:
    connect(**opts, port=8080)
except TypeError as e:
    print(type(e).__name__, e)
try:
    connect(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    connect(**[("a", 1)])
except TypeError as e:
    print(type(e).__name__, e)
def collect(**kw):
    return kw
print(collect(b=1, a=2), list(collect(z=0, y=1)), collect())
k = collect(x=1)
k["x"] = 2
print(k, type(k).__name__)
base = {"a": 1, "b": 2}
over = {"b": 3, "c": 4}
print({**base, **over}, {**over, **base}, {**base, "b": None}, {**{}})
def f(a, b, c):
    return a + b * c
print(f(**{"a": 1, "b": 2, "c": 3}), f(1, **{"c": 2, "b": 5}))
try:
    f(**{"a": 1, "b": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, **{"a": 1, "b": 2, "c": 3})
except TypeError as e:
    print(type(e).__name__, e)
print(dict(**base, d=5), "{a}-{b}".format(**base), "%(a)s/%(b)s" % base)
