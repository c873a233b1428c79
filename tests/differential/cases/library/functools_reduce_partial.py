# functools: reduce, partial, partialmethod and wraps metadata
from functools import reduce, partial, partialmethod, wraps
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(lambda acc, s: acc + s.upper(), ["a", "b"], ">"), reduce(max, [3, 9, 2]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
base2 = partial(int, base=2)
print(base2("1011"), base2.func is int, base2.args, base2.keywords)
p = partial(pow, 2)
print(p(10), partial(p, 3)(), repr(partial(max, key=abs))[:20])
print(sorted(["bb", "a", "ccc"], key=partial(len)))

class Cell:
    def __init__(self): self.state = None
    def set(self, v): self.state = v
    on = partialmethod(set, True)
    off = partialmethod(set, False)
c = Cell(); c.on(); print(c.state); c.off(); print(c.state)

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return ("wrapped", f(*a, **k))
    return inner

@deco
def greet(name):
    """Say hi."""
    return "hi " + name
print(greet("bo"), greet.__name__, greet.__doc__, greet.__wrapped__("x"))
