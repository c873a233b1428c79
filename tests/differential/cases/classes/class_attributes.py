# class vs instance attributes, shadowing, mutable class attributes, name mangling, __dict__
class Account:
    interest = 0.02
    history = []
    __secret = "hidden"
    def __init__(self, owner):
        self.owner = owner
    def reveal(self):
        return self.__secret
    def log(self, msg):
        self.history.append(msg)

a, b = Account("ann"), Account("bob")
print(a.interest, b.interest)
a.interest = 0.05
print(a.interest, b.interest, Account.interest)
Account.interest = 0.03
print(a.interest, b.interest)
del a.interest
print(a.interest)
a.log("x"); b.log("y")
print(Account.history, a.history is b.history)
print(a.reveal(), a._Account__secret)
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(a.__dict__))
print("_Account__secret" in Account.__dict__)
print(Account.__name__, Account.__qualname__, Account.reveal.__qualname__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
setattr(a, "dyn", 1)
print(getattr(a, "dyn"), hasattr(a, "nope"), a.__class__.__name__)
delattr(a, "dyn")
print(hasattr(a, "dyn"))
