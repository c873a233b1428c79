# json hooks: default=, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant, cls
import json
from decimal import Decimal
from fractions import Fraction
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def enc(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")
s = json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, default=enc, sort_keys=True)
print(s)
def dec(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
p = json.loads(s, object_hook=dec)["p"]
print(type(p).__name__, p.x, p.y)
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('[1.1, 2.25, 3]', parse_float=Decimal))
print(json.loads('[1.5, 10]', parse_float=Fraction, parse_int=float))
print(json.loads('[NaN, Infinity]', parse_constant=lambda name: "const:" + name))
class MyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps([1 + 2j], cls=MyEncoder))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print(type(e).__name__, e)
try:
    json.dumps({"x": Point(0, 0)}, default=lambda o: 1/0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
