# Fraction construction and normalisation, arithmetic with ints/floats, powers, comparisons
from fractions import Fraction
a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(Fraction(7, 2), Fraction(2, 3)))
print(Fraction(6, -4), Fraction(-6, -4), Fraction(0, 5), Fraction(10), Fraction(3, 9).numerator, Fraction(3, 9).denominator)
print(a + 1, 2 - a, a * 3, 1 / a, a + 0.5, type(a + 0.5).__name__, a ** 2, a ** -2, Fraction(4, 9) ** 0.5)
print(Fraction(-7, 3) // 1, Fraction(-7, 3) % 1, -a, abs(Fraction(-2, 5)), +a)
print(a > b, a == Fraction(2, 6), Fraction(1, 2) == 0.5, Fraction(1, 3) == 1 / 3, Fraction(3) == 3, a < 0.34)
print(sorted([Fraction(3, 4), Fraction(-1, 2), Fraction(2, 3), 0.7, 1]), sum(Fraction(1, n) for n in range(1, 6)))
print(hash(Fraction(5)) == hash(5), hash(Fraction(1, 2)) == hash(0.5), bool(Fraction(0)), int(Fraction(-7, 2)), float(Fraction(1, 8)))
print(Fraction(2, 3) ** Fraction(1), Fraction(10 ** 20, 3) * 3, Fraction(1, 10 ** 30) + Fraction(1, 10 ** 30))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    Fraction(1) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
