# enum: Enum members, lookup by value/name, iteration, aliases, auto
from enum import Enum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value)
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), list(Color.__members__))
print(Color.RED == 1, Color.RED in Color, isinstance(Color.RED, Color))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)

class Step(Enum):
    START = auto()
    MIDDLE = auto()
    END = auto()
print([(s.name, s.value) for s in Step])
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)
print({Color.RED: "r"}[Color.CRIMSON], hash(Step.START) == hash(Step.START))
print(Step.START.__class__.__name__, type(Step).__name__)
