# Checks math.floor/ceil/trunc and round() on ints, floats, fractions and custom classes
import math
from fractions import Fraction
for x in [2.5, -2.5, 2.0, -0.5, 1e20, 7, -7, Fraction(7, 2), Fraction(-7, 2)]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), round(x), type(math.floor(x)).__name__)
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(1, 3), 3), round(Fraction(2675, 1000), 2))
print((2.7).__floor__(), (2.2).__ceil__(), (-2.7).__trunc__(), (2.5).__round__(), (17).__round__(-1))
class Temp:
    def __init__(self, d):
        self.d = d
    def __round__(self, n=None):
        return f"round({self.d}, {n})"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __trunc__(self):
        return "trunc"
t = Temp(3.7)
print(round(t), round(t, 2), math.floor(t), math.ceil(t), math.trunc(t))
for bad in [lambda: math.floor(float('inf')), lambda: math.ceil(float('nan')), lambda: round("1.5"),
            lambda: math.floor("2")]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
