# bare raise, re-raising in handlers, handler variable cleanup, matching by tuple and hierarchy
def reraiser():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print(type(e).__name__, e)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("wrong handler")
except TypeError as e:
    print("outer caught", e)
err = "before"
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print(type(e).__name__, e)
def which(exc):
    try:
        raise exc
    except (ZeroDivisionError, OverflowError): return "arith"
    except LookupError: return "lookup"
    except Exception: return "generic"
print([which(x) for x in (ZeroDivisionError, IndexError, KeyError, ValueError, OverflowError)])
for thing in (5, "raise bare"):
    try:
        if thing == 5: raise thing
        raise
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
