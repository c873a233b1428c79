# __index__ lets objects act as integers for indexing, slicing, bin/hex/oct, range, repetition and operator.index
import operator

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

data = list("abcdef")
print(data[Idx(2)], data[Idx(-1)])
print(data[Idx(1):Idx(4)], "hello"[Idx(1):])
print(range(Idx(3)), list(range(Idx(1), Idx(7), Idx(2))))
print("ab" * Idx(3), [0] * Idx(2))
print(operator.index(Idx(42)))
print(bin(Idx(5)))
print(hex(Idx(255)), oct(Idx(8)))
print(int(Idx(9)) if hasattr(Idx, "__int__") else "no __int__")
print(format(Idx(3).__index__(), "03d"))
try:
    operator.index(2.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bin(1.5)
except TypeError as e:
    print(type(e).__name__, e)
