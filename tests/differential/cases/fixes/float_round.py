# round(x, n) from the exact decimal value of x, half to even, as CPython
import math
for x in [2.675, 0.125, 0.375, 1.005, -2.675, 12345.678, 1e22, 5e-324, 1.5, 2.5, -0.5, 123.456, math.pi, -0.0, 0.5, 1e-10]:
    print(x, [round(x, n) for n in (-400, -309, -308, -5, -2, -1, 0, 1, 2, 3, 10, 17, 300, 400)], round(x))
for x in [float('nan'), float('inf'), -float('inf')]:
    print(x, [round(x, n) for n in (-5, 0, 3)])
class N:
    def __index__(self):
        return 2
print(round(2.675, N()), round(1.5, None), type(round(2.5, None)).__name__, round(2.675, 10**30), round(2.675, -10**30))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print(type(e).__name__, e)
