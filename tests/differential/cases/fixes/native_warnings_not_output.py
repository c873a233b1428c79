# the interpreter's own warnings are not program output (CPython writes them to stderr)
class C(complex):
    pass
class X:
    def __complex__(self):
        return C(1)
class Y:
    def __complex__(self):
        return 1 + 2j
print(complex(X()), complex(Y()))
def g():
    try:
        yield 1
    except TypeError as e:
        yield 'caught ' + str(e)
it = g()
next(it)
print(it.throw(TypeError, 'msg'))
