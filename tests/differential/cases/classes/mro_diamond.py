# C3 method resolution order for diamond and complex hierarchies, cooperative super()
class Base:
    def hello(self):
        return ["Base"]
class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()
class Bottom(Left, Right):
    def hello(self):
        return ["Bottom"] + super().hello()
print([c.__name__ for c in Bottom.__mro__])
print(Bottom().hello())
print([c.__name__ for c in Bottom.mro()])
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
try:
    class Bad(A, K1): pass
except TypeError as e:
    print(type(e).__name__, e)
class X: pass
class Y(X): pass
try:
    class W(X, Y): pass
except TypeError as e:
    print(type(e).__name__, e)
