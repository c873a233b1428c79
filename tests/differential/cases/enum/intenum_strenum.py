# IntEnum compares and computes like int; str/repr/format of Enum, IntEnum and str-mixin members
from enum import Enum, IntEnum
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 5, Priority.LOW + 1, Priority.HIGH * 2)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority), int(Priority.MEDIUM))
print(str(Priority.LOW), repr(Priority.LOW), f"{Priority.LOW}", format(Priority.HIGH, "03d"), "%d" % Priority.HIGH)
print(Priority(5), [1, 2, 3, 4, 5, 6][Priority.MEDIUM], isinstance(Priority.LOW, int))
class Color(Enum):
    RED = "r"
print(str(Color.RED), repr(Color.RED), f"{Color.RED}", format(Color.RED), "%s" % Color.RED)
class Mode(str, Enum):
    READ = "read"
    WRITE = "write"
print(Mode.READ == "read", Mode("write"), str(Mode.READ), repr(Mode.READ), f"{Mode.READ}", Mode.READ.upper())
class Num(int, Enum):
    ONE = 1
print(str(Num.ONE), repr(Num.ONE), f"{Num.ONE}", Num.ONE + 1)
