# lru_cache: memoised recursion, cache_info hits/misses/maxsize/currsize, eviction, cache_clear, typed, cache
from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(calls, sq.cache_info(), sq.cache_info().hits, sq.cache_info()._fields)
sq.cache_clear()
print(sq.cache_info())
@lru_cache(typed=True)
def ident(x):
    calls.append(("t", x))
    return x
ident(1); ident(1.0); ident(1)
print(calls[-2:], ident.cache_info().currsize)
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().misses, fact(10), fact.cache_info().hits)
@lru_cache
def kw(a, b=1):
    return a + b
print(kw(1), kw(1, b=1), kw(a=1), kw.cache_info().currsize, kw.__wrapped__(5), kw.__name__)
try:
    sq([1])
except TypeError as e:
    print(type(e).__name__, e)
