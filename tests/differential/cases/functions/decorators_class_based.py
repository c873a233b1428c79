# class-based decorators, decorating methods, memoization, lru_cache and class decorators
import functools
class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn, self.calls = fn, 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CountCalls
def square(x): return x * x
print(square(3), square(4), square.calls, square.__name__)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache: cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
@functools.lru_cache(maxsize=None)
def ways(n): return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(60), ways.cache_info().hits > 0)
def add_repr(cls):
    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({items})"
    cls.__repr__ = __repr__; return cls
@add_repr
class P:
    def __init__(self, x, y): self.x, self.y = x, y
print(P(1, "a"))
def method_logger(fn):
    return lambda self, *a: f"{type(self).__name__}.{fn.__name__}{a} = {fn(self, *a)}"
class Calc:
    @method_logger
    def mul(self, a, b): return a * b
print(Calc().mul(6, 7))
