# divmod() and abs() for ints, floats, bools, big ints, fractions and custom classes
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (10 ** 30, 7), (-(10 ** 30), 7)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-1e-30, 1), divmod(True, 2))
from fractions import Fraction
print(divmod(Fraction(7, 2), Fraction(1, 3)), divmod(Fraction(-7, 2), 1))
print(abs(-5), abs(5), abs(-0.0), abs(-2.5), abs(-10 ** 40), abs(False), abs(-True), abs(3 - 4j))
print(abs(float("-inf")), abs(float("nan")), abs(Fraction(-3, 4)), type(abs(True)).__name__)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __abs__(self):
        return Money(abs(self.cents))
    def __divmod__(self, other):
        return divmod(self.cents, other)
    def __rdivmod__(self, other):
        return ("r", other)
    def __repr__(self):
        return f"Money({self.cents})"
print(abs(Money(-250)), divmod(Money(250), 100), divmod(5, Money(3)))
for op in (lambda: abs("x"), lambda: divmod("a", 2), lambda: divmod(1, 0), lambda: divmod(2.0, 0),
           lambda: divmod(1, 2, 3), lambda: divmod(1j, 1)):
    try:
        print(op())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
