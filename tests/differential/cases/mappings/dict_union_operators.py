# dict | and |= merge operators (Python 3.9+) and their precedence rules
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a
c |= b
print(c, a, c is a)
c |= [("w", 0)]
print(c)
try:
    a | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
print({} | {}, {1: 1} | {True: "t"}, {1.0: "f"} | {1: "i"})
from collections import OrderedDict, defaultdict, Counter
o = OrderedDict(a=1) | {"b": 2}
print(type(o).__name__, o)
dd = defaultdict(int, {"a": 1}) | {"b": 2}
print(type(dd).__name__, dict(dd))
print(type({"a": 1} | OrderedDict(b=2)).__name__)
print(Counter("ab") | Counter("bbc"))
print(dict(a=1) | dict(a=2) | dict(a=3))
