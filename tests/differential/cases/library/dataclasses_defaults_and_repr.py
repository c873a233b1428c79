# dataclasses: field defaults, default_factory, repr, eq, ordering
from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list, compare=False)

p = Point(1)
print(p)
print(Point(1, 2) == Point(1, 2), Point(1, 2) == Point(2, 1))
print(Point(x=3, y=-4))
v1, v2 = Version(1, 2), Version(1, 10, ["beta"])
print(v1 < v2, v1 > v2, sorted([v2, v1]))
print(Version(1, 2, ["a"]) == Version(1, 2, ["b"]))
a, b = Version(0), Version(0)
a.tags.append("x")
print(a.tags, b.tags)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
print(Point.__dataclass_fields__["y"].default)
