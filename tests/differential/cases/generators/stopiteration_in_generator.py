# PEP 479: StopIteration raised inside a generator becomes RuntimeError; return inside generator
def leaks():
    yield 1
    raise StopIteration("oops")

g = leaks()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)

def uses_next(it):
    while True:
        yield next(it)
try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print(type(e).__name__, e)

def safe(it):
    for x in it:
        yield x
print(list(safe(iter([1, 2]))))

def early_return(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early_return(10)))
def gen():
    yield 1
g = gen()
print(list(g), g.gi_running)
g2 = gen()
print(next(g2))
print(g2.gi_running)
