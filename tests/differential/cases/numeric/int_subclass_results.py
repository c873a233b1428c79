# Checks arithmetic on int and float subclasses: result types, overridden ops, repr
class Port(int):
    def __repr__(self):
        return f"Port({int(self)})"
p = Port(8080)
print(p, repr(p), p + 1, type(p + 1).__name__, type(-p).__name__, type(abs(p)).__name__)
print(p == 8080, p < 9000, hash(p) == hash(8080), isinstance(p, int), str(p), f"{p:>6}", f"{p!r}")
class Strict(int):
    def __add__(self, other):
        return Strict(int(self) + int(other) * 2)
    def __radd__(self, other):
        return Strict(int(other) * 3 + int(self))
s = Strict(1)
print(s + 1, 1 + s, type(s + 1).__name__, sum([s, s]), type(sum([s, s])).__name__)
class Length(float):
    unit = 'm'
    def __str__(self):
        return f"{float(self)}{self.unit}"
L = Length(2.5)
print(L, repr(L), L * 2, type(L * 2).__name__, L.is_integer(), L.unit, round(L))
class Flag(int):
    def __bool__(self):
        return False
print(bool(Flag(5)), Flag(5) + 0, not Flag(5), Flag(0) or "empty")
print(int.__add__(3, 4), float.__mul__(1.5, 2.0), int.__add__(3, 1.0))
print(Port.__mro__[1].__name__, Port(7).bit_length(), Port("ff", 16), Port(3.9))
