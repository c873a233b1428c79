# Checks the numbers module ABC hierarchy with builtin, fractions and decimal types
import numbers
from fractions import Fraction
from decimal import Decimal
vals = [1, True, 1.5, 1j, Fraction(1, 3), Decimal("1.1")]
for v in vals:
    print(type(v).__name__, [isinstance(v, c) for c in
          (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(bool, numbers.Number))
print(isinstance("1", numbers.Number), isinstance(None, numbers.Number))
class Meters(float):
    pass
print(isinstance(Meters(2), numbers.Real), Meters(2) + 1, type(Meters(2) + 1).__name__)
class MyNum:
    def __init__(self, v):
        self.v = v
numbers.Number.register(MyNum)
print(isinstance(MyNum(1), numbers.Number), isinstance(MyNum(1), numbers.Real))
print(sorted(c.__name__ for c in (numbers.Integral.__mro__) if c is not object))
try:
    numbers.Real()
except TypeError as e:
    print(type(e).__name__, str(e).split(" with")[0])
