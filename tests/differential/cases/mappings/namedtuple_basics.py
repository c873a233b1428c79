# collections.namedtuple: creation forms, field access, tuple behaviour, repr, errors
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), len(p), list(p), p + (3,))
x, y = p
print(x, y, p._fields, Point._fields, type(p).__name__, isinstance(p, tuple))
Color = namedtuple("Color", "red green blue")
Pair = namedtuple("Pair", "a, b")
print(Color(255, 0, 10), Pair("p", "q"), Color._fields, Pair._fields)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["ok", "def"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    namedtuple("Bad", ["a", "a"])
except ValueError as e:
    print(type(e).__name__, e)
R = namedtuple("R", ["a", "def", "a", "_x"], rename=True)
print(R._fields)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(0, 9), Point(1, 0)))
print({Point(1, 2): "found"}[(1, 2)], Point._make([7, 8]), Point(*range(2)))
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"<{self.x},{self.y}>"
print(Vec(3, 4).norm2(), Vec(3, 4), Vec(1, 1) == (1, 1))
