# Flag and IntFlag: combining with |, &, ^, ~, membership, iteration, bool, repr/str, auto values
from enum import Flag, IntFlag, auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
rw = Perm.R | Perm.W
print(rw, repr(rw), rw == Perm.RW, Perm.R in rw, Perm.X in rw, Perm.X.value)
print(rw & Perm.W, rw ^ Perm.R, ~Perm.R, Perm(0), bool(Perm(0)), bool(Perm.R))
print(list(Perm), list(rw), [m.name for m in Perm.R | Perm.X], (Perm.R | Perm.X).name)
class Open(IntFlag):
    RD = 1
    WR = 2
    EX = 4
f = Open.RD | Open.EX
print(f, repr(f), int(f), f == 5, f & 4, f | 8, Open(3), Open.WR + 1)
print(Open.RD in f, Open.WR in f, isinstance(f, int), str(Open.RD), format(Open.EX, "d"))
print(repr(Open(0)), repr(Open(8)), ~Open.RD)
try:
    Perm(16)
except ValueError as e:
    print(type(e).__name__, e)
