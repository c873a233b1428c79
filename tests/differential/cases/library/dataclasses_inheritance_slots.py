# dataclasses: inheritance, kw_only, slots, make_dataclass, ClassVar
from dataclasses import dataclass, field, make_dataclass, KW_ONLY
from typing import ClassVar

@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Child(Base):
    c: float = 1.5
    count: ClassVar[int] = 0

print(Child(1))
print(Child(2, "x", 3.0))
print(list(Child.__dataclass_fields__))

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1

print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print(type(e).__name__)

@dataclass
class Mixed:
    x: int
    _: KW_ONLY
    y: int = 2

print(Mixed(1, y=5))

@dataclass(slots=True)
class Slotted:
    p: int
    q: int = 0

s = Slotted(1)
print(s, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.z = 1
except AttributeError as e:
    print(type(e).__name__)

Dyn = make_dataclass("Dyn", [("u", int), ("v", str, field(default="vv"))])
print(Dyn(7), Dyn.__name__)
