# namedtuple: fields, defaults, _replace, _asdict, _make, _fields, indexing/unpacking, rename, errors
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, len(p), tuple(p))
x, y = p
print(x + y, p._replace(x=10), p._asdict(), type(p._asdict()).__name__)
print(Point._make([5, 6]), p == (1, 2), isinstance(p, tuple))
Emp = namedtuple("Emp", "name dept salary", defaults=["eng", 100])
print(Emp("ann"), Emp("bob", salary=5), Emp._field_defaults)
R = namedtuple("R", ["a", "def", "a", "_x"], rename=True)
print(R._fields)
class P3(namedtuple("P3", "x y z")):
    __slots__ = ()
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print(P3(1, -2, 3).norm1(), P3(1, 2, 3), P3.__name__)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: p._replace(z=1),
            lambda: namedtuple("B", ["ok", "class"]), lambda: setattr(p, "x", 5)):
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
