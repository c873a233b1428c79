# typing.NamedTuple (class and functional syntax, defaults, methods) and TypedDict (total, Required)
from typing import NamedTuple, TypedDict, get_type_hints
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm2(self) -> int:
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p, p.norm2(), Point(1), p._asdict(), p._replace(y=9), Point._fields, Point._field_defaults)
print(Point.__annotations__, isinstance(p, tuple), p == (3, 4), Point._make([5, 6]))
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1), Emp.__annotations__)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, type(m).__name__, Movie.__required_keys__ == frozenset({"title", "year"}), Movie.__total__)
class Partial(TypedDict, total=False):
    rating: float
print(sorted(Partial.__optional_keys__), Partial.__total__, Partial(rating=1.5))
class Full(Movie, Partial):
    pass
print(sorted(Full.__required_keys__), sorted(Full.__optional_keys__), get_type_hints(Full) == {"title": str, "year": int, "rating": float})
Alt = TypedDict("Alt", {"a": int, "b-c": str})
print(Alt(a=1, **{"b-c": "x"}), sorted(Alt.__annotations__))
