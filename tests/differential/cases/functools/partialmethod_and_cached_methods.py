# partialmethod on classes, lru_cache on methods and cache_parameters, reduce to compose functions
from functools import partialmethod, lru_cache, reduce, partial
class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = bool(state)
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell()
c.set_alive(); print(c.alive)
c.set_dead(); print(c.alive)
class Calc:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=32)
    def scaled(self, x):
        return self.k * x
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return self.k == other.k
a = Calc(3)
print(a.scaled(2), a.scaled(2), Calc(3).scaled(2), Calc.scaled.cache_info())
print(Calc.scaled.cache_parameters())
def compose(*fns):
    return reduce(lambda f, g: lambda x: g(f(x)), fns, lambda x: x)
pipeline = compose(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(pipeline("  Hello Big World "))
inc_all = partial(map, lambda x: x + 1)
print(list(inc_all([1, 2, 3])), repr(partial(max, key=len))[:24])
