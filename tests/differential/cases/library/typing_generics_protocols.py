# typing: TypeVar/Generic classes, Protocol with runtime_checkable, NamedTuple, TypedDict, NewType
from typing import TypeVar, Generic, Protocol, runtime_checkable, NamedTuple, TypedDict, NewType

T = TypeVar("T")
K = TypeVar("K", bound=str)

class Stack(Generic[T]):
    def __init__(self):
        self.items: list[T] = []
    def push(self, x: T) -> None:
        self.items.append(x)
    def pop(self) -> T:
        return self.items.pop()

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.items, T, K.__bound__, Stack.__parameters__, Stack[int].__origin__ is Stack)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class File:
    def close(self): pass
print(isinstance(File(), Closer), isinstance(3, Closer))

class Pt(NamedTuple):
    x: int
    y: int = 0
p = Pt(1)
print(p, p._asdict(), p._replace(y=5), Pt._fields, Pt._field_defaults, p == (1, 0))

class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {"title": "Up"}
print(m, type(m).__name__, sorted(Movie.__annotations__), Movie.__total__)

UserId = NewType("UserId", int)
print(UserId(5), type(UserId(5)).__name__, UserId.__name__)
try:
    Stack[int, str]
except TypeError as e:
    print(type(e).__name__, e)
