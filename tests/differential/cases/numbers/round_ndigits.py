# round() with positive, zero and negative ndigits for ints and floats
print(round(3.14159, 3), round(3.14159, 0), round(3.14159, 10), round(-3.14159, 2))
print(round(1234.5678, -1), round(1234.5678, -2), round(1234.5678, -4), round(1234.5678, -5))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(123456789, -3), round(10 ** 20 + 5 * 10 ** 18, -19), round(7, 2), round(-7, -10))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(5e-324, 400), round(1e300, -300), round(1e300, -301))
print(round(2.5, None), type(round(2.5, None)).__name__)
print(round(1.23456, True), round(123, -True))
for nd in (1.5, "1"):
    try:
        print(round(1.2345, nd))
    except TypeError as e:
        print(type(e).__name__, e)
class Digits:
    def __index__(self):
        return 2
print(round(3.14159, Digits()), round(31415, Digits()))
