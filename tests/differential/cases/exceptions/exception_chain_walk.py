# walking __context__/__cause__ chains through nested handlers, setting __cause__ by hand, invalid causes
def deep():
    try:
        try:
            raise OSError("level1")
        except OSError:
            raise LookupError("level2")
    except LookupError:
        raise ArithmeticError("level3")
def walk(e, attr):
    chain = []
    while e is not None:
        chain.append(f"{type(e).__name__}({e})")
        e = getattr(e, attr)
    return " <- ".join(chain)
try:
    deep()
except ArithmeticError as e:
    print(walk(e, "__context__"))
    print(walk(e, "__cause__"))
e = ValueError("outer")
e.__cause__ = KeyError("manual")
print(walk(e, "__cause__"), e.__suppress_context__)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
for bad in (5, "text"):
    try:
        raise ValueError("bad cause") from bad
    except TypeError as err:
        print(type(err).__name__, err)
try:
    e.__cause__ = 3
except TypeError as err:
    print(type(err).__name__, err)
try:
    raise IndexError("with class cause") from KeyError
except IndexError as err:
    print(repr(err.__cause__))
