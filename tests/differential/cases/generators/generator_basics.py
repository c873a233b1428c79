# generator functions: lazy evaluation, next(), StopIteration, exhaustion, return value
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("done")

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, e.value)
print(next(countdown(0), "default"))

def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in countdown(4)))
print(iter(g) is g, hasattr(g, "__next__"))
