# contextlib: contextmanager, suppress, ExitStack, closing, nullcontext
import contextlib

@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("b") as v:
    print("body", v)
with contextlib.suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.callback(print, "callback 2")
    inner = stack.enter_context(tag("i"))
    print("in stack", inner)
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    print("using")
with contextlib.nullcontext(42) as n:
    print(n)
try:
    with tag("err"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
