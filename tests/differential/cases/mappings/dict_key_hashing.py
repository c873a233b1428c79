# dict keys: hashability rules, numeric key unification, custom __hash__/__eq__
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0: "a", -0.0: "b", False: "c", 0j: "d"}
print(d2)
for bad in ([1], {"a": 1}, {1, 2}, bytearray(b"x")):
    try:
        {bad: 1}
    except TypeError as e:
        print(type(e).__name__, e)
print({(1, 2): "t", frozenset({1}): "f", None: "n", "": "e", b"b": "by"}[frozenset({1})])
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
pts = {Point(1, 2): "A"}
print(pts[Point(1, 2)], Point(1, 2) in pts, Point(2, 1) in pts)
class EqOnly:
    def __eq__(self, o):
        return True
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)
print(hash(1) == hash(1.0) == hash(True), hash(-1) == hash(-2), hash(0) == hash(0.0))
print(hash((1, 2)) == hash((1.0, 2)), hash(10**20) == hash(10**20 + 0.0) or "n/a")
nan = float("nan")
dn = {nan: 1}
print(nan in dn, float("nan") in dn, len({float("nan"): 1, float("nan"): 2}))
