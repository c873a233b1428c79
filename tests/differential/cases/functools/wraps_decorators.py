# functools.wraps preserves __name__/__doc__/__wrapped__/__qualname__; stacked decorators; update_wrapper on a class
from functools import wraps, update_wrapper
def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    return wrapper
def repeat(n):
    def deco(fn):
        @wraps(fn)
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@logged
def add(a, b):
    """Add two numbers."""
    return a + b
add(2, 3)
print(add.__name__, add.__doc__, add.__wrapped__(1, 1), add.__qualname__, add.__module__)
@repeat(3)
@logged
def hello(name):
    "greet"
    return "hi " + name
print(hello("bo"), hello.__name__, hello.__doc__, hello.__wrapped__.__wrapped__("x"))
class Counter:
    def __init__(self, fn):
        update_wrapper(self, fn)
        self.fn, self.n = fn, 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)
@Counter
def mul(a, b):
    "multiply"
    return a * b
print(mul(3, 4), mul(2, 2), mul.n, mul.__name__, mul.__doc__)
