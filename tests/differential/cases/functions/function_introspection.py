# low-level function introspection: __defaults__, __kwdefaults__, __code__ fields, __closure__ cells, __globals__
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    local = a + b
    return local

print(f.__defaults__, f.__kwdefaults__)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames[:7])

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c(); c()
print(c.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(len(c.__closure__), c.__closure__[0].cell_contents)
def plain(): return 1
print(plain.__closure__, plain.__defaults__, plain.__kwdefaults__)

def g(x=1):
    return x
g.__defaults__ = (42,)
print(g())
print(f.__globals__ is plain.__globals__, "make_counter" in f.__globals__)
