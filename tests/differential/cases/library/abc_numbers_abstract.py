# abc and numbers: abstract base classes, abstractmethod, register, numeric tower checks
from abc import ABC, abstractmethod, ABCMeta
import numbers
from fractions import Fraction
from decimal import Decimal

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2

try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
print(Sq(3).describe(), isinstance(Sq(1), Shape), sorted(Shape.__abstractmethods__))
class Half(Shape):
    pass
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
class Duck: pass
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), type(Shape) is ABCMeta)
for v in [1, 2.5, 1j, Fraction(1, 2), Decimal(1), True]:
    print(type(v).__name__, [isinstance(v, t) for t in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
