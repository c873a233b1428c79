# enum: IntEnum, IntFlag, Flag combinations and StrEnum
from enum import IntEnum, IntFlag, Flag, StrEnum, auto

class Prio(IntEnum):
    LOW = 1
    HIGH = 3

print(Prio.LOW < Prio.HIGH, Prio.HIGH + 1, Prio.LOW == 1, sorted([Prio.HIGH, 2, Prio.LOW]))
print(str(Prio.HIGH), repr(Prio.HIGH), f"{Prio.LOW}", int(Prio.HIGH))

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(rw, repr(rw), int(rw), Perm.R in rw, Perm.X in rw)
print(Perm(7), Perm(0), rw & Perm.W, rw ^ Perm.R)

class Style(Flag):
    BOLD = auto()
    ITALIC = auto()
    UNDER = auto()

both = Style.BOLD | Style.UNDER
print(both, bool(Style(0)), [m.name for m in Style])
print(list(both), ~Style.BOLD)

class Mode(StrEnum):
    READ = auto()
    WRITE = "w"

print(Mode.READ, Mode.WRITE == "w", Mode.READ.upper(), repr(Mode.WRITE))
