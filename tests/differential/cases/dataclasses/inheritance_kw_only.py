# dataclass inheritance (field order, overriding defaults), kw_only, KW_ONLY marker, slots=True
from dataclasses import dataclass, field, fields, KW_ONLY
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Child(Base):
    z: int = 5
    y: int = 10
print(Child(1), [f.name for f in fields(Child)], Child(1, 2, 3))
print(isinstance(Child(1), Base), Base(1) == Child(1, 0, 5))
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3), Opts(level=1, verbose=True))
try:
    Opts(True, 3)
except TypeError as e:
    print(type(e).__name__, e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int
print(Mixed(1, c=3), Mixed(a=0, b=1, c=2))
@dataclass
class K:
    a: int
    b: int = field(kw_only=True, default=9)
    c: int = 0
print(K(1, 2), K(1, b=3), [f.kw_only for f in fields(K)])
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "x"
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
