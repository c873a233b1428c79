# Enum members: name/value, lookup by value and name, iteration order, aliases, identity, errors
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value, type(Color.RED).__name__)
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(list(Color), len(Color), [m.name for m in Color])
print(sorted(Color.__members__), Color.__members__["CRIMSON"])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED in Color, isinstance(Color.GREEN, Color))
print({Color.RED: "r", Color.BLUE: "b"}[Color.CRIMSON], hash(Color.RED) == hash(Color.CRIMSON))
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PURPLE"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print(type(e).__name__, e)
