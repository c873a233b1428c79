# Checks pow() with 2 and 3 args, negative exponents and modular inverse
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(-2, -3))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11))
print(pow(10, 100, 2 ** 61 - 1))
print(pow(0, 0), pow(0.0, 0), pow(5, 0, 1))
print(2 ** -2, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(2.0 ** 0.5, 4 ** 0.5, (-1) ** 2, (-1) ** 3)
print(10 ** -3, 0.5 ** -2)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(type(pow(2, -1)).__name__, type(2 ** 3).__name__)
