# Checks int()/float()/complex()/operator.index with __int__, __index__, __float__, __complex__
import operator
class A:
    def __index__(self):
        return 7
class B:
    def __int__(self):
        return 42
    def __float__(self):
        return 2.5
class C:
    def __complex__(self):
        return 1 + 2j
print(int(A()), float(A()), complex(A()), operator.index(A()), bin(A()), "x" * A(), range(A())[-1])
print(int(B()), float(B()), complex(B()))
print(complex(C()))
print(int(b"12"), int(bytearray(b" -3 ")), float(b"1.5"), int(b"ff", 16))
for bad in [lambda: operator.index(B()), lambda: operator.index(2.0), lambda: int(C()), lambda: [1][B()],
            lambda: float(A.__name__), lambda: int(object())]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Bad:
    def __int__(self):
        return "no"
try:
    int(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class Sub(int):
    pass
print(type(int(Sub(5))).__name__, type(+Sub(5)).__name__, Sub(5) + 1, repr(Sub(9)))
