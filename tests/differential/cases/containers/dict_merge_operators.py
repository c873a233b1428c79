# dict | and |= merge operators, ordering of merged keys, with views, subclasses and errors
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a | {}, {} | b, a, b)
c = a.copy()
c |= b
print(c, a)
c |= [("w", 0), ("x", -1)]
print(c)
c |= {"y": None}.items()
print(c, {**a, **b} == a | b, dict(a, **b) == a | b)
from collections import OrderedDict, defaultdict, Counter
od = OrderedDict(a) | b
dd = defaultdict(int, a) | b
print(type(od).__name__, od, type(dd).__name__, dict(dd), type(a | od).__name__)
print(Counter("aab") | Counter("bbc"), Counter("aab") + Counter("bbc"), Counter("aab") & Counter("abb"))
class MyDict(dict):
    pass
m = MyDict(p=1) | {"q": 2}
print(type(m).__name__, m, type({"r": 0} | MyDict(s=1)).__name__)
for op in (lambda: a | [("k", 1)], lambda: a | None, lambda: [("k", 1)] | a):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    d = dict(a)
    d |= 5
except TypeError as e:
    print(type(e).__name__, e)
