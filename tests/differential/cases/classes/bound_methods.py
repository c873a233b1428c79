# bound vs unbound methods, __self__/__func__, methods stored in containers, functions as attributes
class Greeter:
    def __init__(self, name): self.name = name
    def greet(self, greeting="Hello"):
        return f"{greeting}, {self.name}"

g = Greeter("Ada")
m = g.greet
print(m(), m("Hi"), m.__self__ is g, m.__func__ is Greeter.greet)
print(Greeter.greet(g, "Yo"))
print(m == g.greet, m is g.greet)
fns = [Greeter("a").greet, Greeter("b").greet]
print([f() for f in fns])
print(list(map(Greeter.greet, [Greeter("x"), Greeter("y")])))
g.greet = lambda: "instance override"
print(g.greet(), Greeter("z").greet())
del g.greet
print(g.greet())

def outside(self): return self.name.upper()
Greeter.shout = outside
print(g.shout(), Greeter.shout.__name__)
print(type(m).__name__, type(Greeter.greet).__name__)
try:
    Greeter.greet()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.greet("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
print(m.__name__, m.__qualname__)
