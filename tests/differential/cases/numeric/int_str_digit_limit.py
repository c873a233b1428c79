# Checks the 4300-digit limit on int<->str conversion (Python 3.11) and power-of-two bases
big = 10 ** 4299
print(len(str(big)))
s = "7" * 4300
print(int(s) % 1000)
try:
    int("7" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
h = hex(2 ** 20000)
print(len(h), h[:6])
print(int("f" * 6000, 16) == 16 ** 6000 - 1)
print(len(bin(3 ** 5000)))
print((10 ** 5000) % 9, (10 ** 5000).bit_length())
try:
    print(f"{10 ** 4400}")
except ValueError as e:
    print(type(e).__name__, e)
