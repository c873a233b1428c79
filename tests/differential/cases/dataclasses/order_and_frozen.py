# dataclass(order=True) comparisons and sorting, frozen instances, hashing, FrozenInstanceError
from dataclasses import dataclass, FrozenInstanceError, field
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 99), max(vs))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print(type(e).__name__, e)
@dataclass(frozen=True)
class Point:
    x: int
    y: int
p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), {p, Point(1, 2)} == {p})
for action in (lambda: setattr(p, "x", 5), lambda: delattr(p, "y")):
    try:
        action()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass
class Mutable:
    v: int
print(Mutable.__hash__ is None)
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
print(sorted([Task(3, "c"), Task(1, "z"), Task(2, "a")]), Task(1, "a") == Task(1, "b"))
