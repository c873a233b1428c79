# dataclasses: frozen instances, asdict/astuple, replace, fields, __post_init__
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError

@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int

@dataclass
class Box:
    name: str
    size: Color
    area: int = field(init=False)
    note: str = field(default="", repr=False)
    def __post_init__(self):
        self.area = self.size.r * self.size.g

c = Color(1, 2, 3)
try:
    c.r = 10
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(c) == hash(Color(1, 2, 3)))
bx = Box("crate", Color(4, 5, 6), note="hidden")
print(bx)
print(asdict(bx))
print(astuple(bx))
print(replace(c, g=20))
print([f.name for f in fields(Box)])
print([f.init for f in fields(Box)])
print(dataclasses.is_dataclass(bx), dataclasses.is_dataclass(Box), dataclasses.is_dataclass(3))
print({c: "ok"}[Color(1, 2, 3)])
try:
    replace(bx, area=3)
except ValueError as e:
    print(type(e).__name__, e)
