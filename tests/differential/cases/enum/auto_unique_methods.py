# auto() values, _generate_next_value_, @unique, methods and properties on members, functional API
from enum import Enum, auto, unique
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()
print([(m.name, m.value) for m in Shape])
class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(Lower.NORTH.value, Lower("south"))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)
    def describe(self):
        return f"{self.name.title()} g={self.gravity}"
print(Planet.EARTH.value, Planet.EARTH.gravity, Planet.MERCURY.describe())
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Status = Enum("Status", [("OK", 200), ("NOT_FOUND", 404)])
print(Status(404), Status.OK.value, Status["OK"])
