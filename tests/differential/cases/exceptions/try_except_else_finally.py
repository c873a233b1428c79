# try/except/else/finally execution order, including return inside finally and continue/break in loops
def attempt(x):
    log = []
    try:
        log.append("try")
        r = 10 / x
    except ZeroDivisionError:
        log.append("except"); r = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r, log
print(attempt(2), attempt(0))
def finally_overrides():
    try: return "from try"
    finally: return "from finally"
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_overrides(), finally_swallows())
def order():
    out = []
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
            out.append(f"body{i}")
        finally:
            out.append(f"fin{i}")
    return out
print(order())
try:
    pass
except Exception:
    print("never")
else:
    print("else runs with no exception")
