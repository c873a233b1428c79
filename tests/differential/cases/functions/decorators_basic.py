# function decorators: wrappers, functools.wraps, stacking order, decorators with arguments, registration
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args} {kwargs}")
        result = fn(*args, **kwargs)
        print(f"-> {result!r}")
        return result
    return wrapper
@trace
def add(a, b=2):
    """Add two numbers."""
    return a + b
add(1), add(1, b=5)
print(add.__name__, add.__doc__, add.__wrapped__(3, 4))
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hi(name): return f"hi {name}"
print(hi("bo"), hi.__name__)
def tag(t):
    return lambda fn: lambda: f"<{t}>{fn()}</{t}>"
@tag("b")
@tag("i")
def text(): return "x"
print(text())
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(calls, one is not None)
