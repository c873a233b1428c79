# Checks round() including banker's rounding of halves and ndigits
for x in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, 2.675, 0.125, 0.375]:
    print(x, round(x), round(x, 2), round(x, 1))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(5), round(5, 2), round(12345, -1), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(1e300, 2), round(123.456, 10), round(0.1 + 0.2, 15))
print(round(2 ** 70 + 5, -1))
print(round(-0.4), round(-0.0, 1))
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 1))
