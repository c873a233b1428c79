# generator.throw(): handling thrown exceptions inside the generator, unhandled throws, throw before start
def worker():
    try:
        while True:
            try:
                x = yield "ready"
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
print(next(w), w.send(1), w.throw(ValueError("bad")), next(w))
w.close()
def two():
    yield 1
    yield 2
u = two()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print(type(e).__name__, e, list(u))
try:
    two().throw(TypeError, "before start")
except TypeError as e:
    print(type(e).__name__, e)
def converts():
    try:
        yield 1
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
c = converts()
next(c)
try:
    c.throw(ZeroDivisionError("zero"))
except ValueError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))
