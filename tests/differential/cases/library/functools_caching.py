# functools: lru_cache, cache, cache_info, cached_property
from functools import lru_cache, cache, cached_property

calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n

for n in [1, 2, 1, 3, 1, 2]:
    sq(n)
print(calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info())

@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits, fib.cache_info().misses)

@lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind.cache_info().currsize)

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    @cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, c.computed, "area" in c.__dict__)
del c.area
print(c.area, c.computed)
try:
    sq([1])
except TypeError as e:
    print(type(e).__name__, e)
