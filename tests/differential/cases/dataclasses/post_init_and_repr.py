# __post_init__, field(init=False), field(repr=False), InitVar, custom __repr__ kept, validation
from dataclasses import dataclass, field, InitVar
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(Rect(2, 3), Rect(0.5, 4).area)
@dataclass
class User:
    name: str
    password: str = field(repr=False)
    id: int = field(default=0, compare=False)
print(u := User("ann", "s3cret", 7), u == User("ann", "s3cret", 8), u.password)
@dataclass
class Temp:
    celsius: float
    scale: InitVar[str] = "C"
    def __post_init__(self, scale):
        if scale == "F":
            self.celsius = round((self.celsius - 32) * 5 / 9, 2)
print(Temp(212, "F"), Temp(20), hasattr(Temp(1), "scale") and Temp.scale)
@dataclass
class Named:
    x: int
    def __repr__(self):
        return f"<Named {self.x}>"
print(Named(4), repr(Named(5)))
@dataclass
class Checked:
    n: int
    def __post_init__(self):
        if self.n < 0:
            raise ValueError(f"n must be >= 0, got {self.n}")
try:
    Checked(-3)
except ValueError as e:
    print(type(e).__name__, e)
