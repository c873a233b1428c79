# Checks hash equality between equal ints, floats, bools, complex and fractions/decimals
from fractions import Fraction
from decimal import Decimal
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(2 ** 61 - 1) == hash(0), hash(-1), hash(-2), hash(7), hash(2 ** 64) == hash(float(2 ** 64)))
print(hash(0.5) == hash(Fraction(1, 2)), hash(Decimal("2.5")) == hash(2.5), hash(Fraction(4, 2)) == hash(2))
print(hash(1.5), hash(-2.25), hash(1e100) == hash(int(1e100)))
print(hash(float('inf')), hash(float('-inf')))
d = {1: 'int', 2.0: 'float'}
d[1.0] = 'one-float'
d[True] = 'bool'
d[2] = 'two-int'
print(d)
s = {0, 0.0, False, -0.0, 1, 1.0}
print(len(s), sorted(s))
print({Fraction(1, 2), 0.5, Decimal("0.5")} == {0.5}, len({Fraction(1, 2), 0.5, Decimal("0.5")}))
print(hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)), hash(-(2 ** 61)) )
