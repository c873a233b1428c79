# enum: enums with methods, tuple values, _missing_, properties and ordering by value
from enum import Enum

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

for p in Planet:
    print(p.name, p.value, round(p.gravity, 3))

class Shape(Enum):
    SQUARE = "sq"
    CIRCLE = "ci"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None

    def describe(self):
        return f"{self.name.title()} ({self.value})"

print(Shape("SQ"), Shape.CIRCLE.describe())
try:
    Shape(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Shape.SQUARE = "x"
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(Shape, key=lambda m: m.value))
print(Shape.SQUARE.__eq__(Shape.SQUARE), Shape.SQUARE != Shape.CIRCLE)
