# modulo of ints and floats: result takes the sign of the divisor
for a in (13, -13):
    for b in (4, -4):
        print(a, b, a % b, a - (a // b) * b)
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(0.0 % 3, -0.0 % 3, 3 % -0.5, 1e-20 % 1, -1e-20 % 1)
print(1 % float("inf"), -1 % float("inf"), 1 % float("-inf"))
print(10 ** 25 % 7, -(10 ** 25) % 7, 10 ** 25 % -7, 10 ** 25 % 7.0)
print(360 % 360, -90 % 360, 450 % 360, -720 % 360)
print(True % 2, 7 % True, 2.5 % True)
import math
print(math.fmod(-7, 3), -7 % 3, math.fmod(7, -3), 7 % -3)
print(math.remainder(7, 2), math.remainder(5, 2))
for a, b in [(5, 0), (5.0, 0.0), (0, 0.0)]:
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    print(divmod(1, 0))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
