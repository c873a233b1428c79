# abc and numbers: abstract classes, registration, the numeric tower
import abc, numbers
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Square(3).describe(), isinstance(Square(1), Shape), issubclass(Square, Shape))
try:
    Shape()
    print("instantiated")
except TypeError:
    print("TypeError")
class Duck: pass
Shape.register(Duck)
print(isinstance(Duck(), Shape), sorted(Shape.__abstractmethods__))
print(isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real), issubclass(complex, numbers.Complex),
      isinstance(True, numbers.Number), isinstance(1.5, numbers.Integral), issubclass(int, numbers.Rational))
from fractions import Fraction
from decimal import Decimal
print(isinstance(Fraction(1, 2), numbers.Rational), isinstance(Decimal(1), numbers.Real), isinstance(Decimal(1), numbers.Number))
