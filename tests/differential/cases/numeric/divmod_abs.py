# Checks divmod() and abs() over ints, floats, bools, big ints and custom classes
for a, b in [(17, 5), (-17, 5), (17, -5), (2 ** 80, 3), (-(2 ** 80), 7), (5.5, 2), (-5.5, 2), (1, 0.3)]:
    print(divmod(a, b))
print(abs(-7), abs(7), abs(-0.0), abs(-2.5), abs(-(2 ** 90)), abs(3 - 4j), abs(True))
print(abs(float('-inf')), abs(float('nan')))
class Money:
    def __init__(self, c):
        self.c = c
    def __abs__(self):
        return Money(abs(self.c))
    def __divmod__(self, n):
        return (Money(self.c // n), Money(self.c % n))
    def __repr__(self):
        return f"Money({self.c})"
print(abs(Money(-250)), divmod(Money(1001), 3))
for bad in [lambda: divmod(1, 0), lambda: divmod(1.0, 0.0), lambda: abs("x"), lambda: divmod("a", 2)]:
    try:
        bad()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
q, r = divmod(-1, 10 ** 20)
print(q, r)
print(divmod(7, True), divmod(0, -3))
