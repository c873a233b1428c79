# Checks true division results for ints, floats, big ints and errors
print(1 / 3, 2 / 3, 10 / 4, -7 / 2)
print(6 / 3, type(6 / 3).__name__)
print(10 ** 20 / 10 ** 10)
print(2 ** 200 / 2 ** 100)
print((10 ** 400) / (10 ** 399))
print(1 / 7 * 7)
print(0.1 + 0.2, 0.3 / 0.1)
print(-0.0 / 1, 0.0 / -1)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1.5 / 0.0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(float('inf') / 2, 1 / float('inf'))
x = 9
x /= 2
print(x)
