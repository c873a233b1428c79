# exceptions raised in except/finally/__exit__ replacing the original, nested try cleanup ordering
def replace_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    replace_in_finally()
except TypeError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)
def nested_cleanup():
    log = []
    try:
        try:
            log.append("inner try"); raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested_cleanup())
try:
    try: [][0]
    except IndexError: {}["x"]
except KeyError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
class Res:
    def __init__(self, n): self.n = n
    def __enter__(self): return self
    def __exit__(self, *a):
        print("release", self.n, a[0].__name__ if a[0] else None)
        if self.n == 2: raise RuntimeError("exit failed")
try:
    with Res(1), Res(2), Res(3):
        raise ValueError("body")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
