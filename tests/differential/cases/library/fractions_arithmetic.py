# fractions: construction, normalisation, arithmetic and mixed-type operations
from fractions import Fraction as F

print(F(6, 8), F(-3, -9), F(5), F("3/7"), F("-1.25"), F("2e-3"))
print(F(1, 3) + F(1, 6), F(1, 3) * 3, F(2, 3) / F(4, 9), F(7, 2) - 4)
print(F(1, 2) ** 2, F(4, 9) ** -1, F(1, 4) ** 0.5, 2 ** F(1, 2))
print(F(-7, 2) // 1, F(-7, 2) % 1, divmod(F(7, 3), F(1, 2)))
print(F(1, 3) == 1 / 3, F(1, 2) == 0.5, F(1, 3) < 0.34, F(2, 4) == F(1, 2))
print(F(0.1), F(0.1).limit_denominator(100), F(3.14159).limit_denominator(10))
print(F(5, 3).numerator, F(5, 3).denominator, F(-5, 3).as_integer_ratio())
print(float(F(1, 8)), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1234, 100), 1))
print(repr(F(3, 4)), str(F(4, 2)), abs(F(-1, 3)), -F(1, 3))
print(sum([F(1, n) for n in range(1, 6)]))
print(F(1, 3) + 0.5, type(F(1, 3) + 0.5).__name__, F(1, 3) + 1j)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    F("one/two")
except ValueError as e:
    print(type(e).__name__, e)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3))
