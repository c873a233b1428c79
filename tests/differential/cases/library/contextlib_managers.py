# contextlib: contextmanager, suppress, ExitStack, closing, nullcontext, redirect-free helpers
from contextlib import contextmanager, suppress, ExitStack, closing, nullcontext

log = []
@contextmanager
def tag(name):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    finally:
        log.append("</" + name + ">")

with tag("b") as t:
    log.append(t)
print(log)
try:
    with tag("i"):
        raise KeyError("k")
except KeyError as e:
    print(type(e).__name__, e, log[-1])
with suppress(ZeroDivisionError, ValueError):
    1 / 0
print("after suppress")
class Res:
    def __init__(self, n): self.n = n
    def close(self): log.append(f"closed {self.n}")
with ExitStack() as st:
    for i in range(3):
        st.enter_context(closing(Res(i)))
    st.callback(log.append, "callback")
print(log[-4:])
with nullcontext(42) as v:
    print(v)
@tag("deco")
def wrapped():
    return "ran"
print(wrapped(), log[-2:])
