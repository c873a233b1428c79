# Checks contextlib.contextmanager/suppress/ExitStack used to build indented text output
import contextlib
lines = []
depth = 0
@contextlib.contextmanager
def tag(name, **attrs):
    global depth
    a = "".join(f' {k}="{v}"' for k, v in sorted(attrs.items()))
    lines.append("  " * depth + f"<{name}{a}>")
    depth += 1
    try:
        yield name
    finally:
        depth -= 1
        lines.append("  " * depth + f"</{name}>")
with tag("html"):
    with tag("body", cls="main", id="b") as t:
        lines.append("  " * depth + f"text inside {t}")
        with contextlib.suppress(ValueError):
            with tag("p"):
                int("not a number")
print("\n".join(lines))
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(lambda: lines.append("callback ran"))
print(names, lines[-5:])
with contextlib.suppress(KeyError, IndexError):
    "abc"[10]
print("after suppress", contextlib.nullcontext("v").__enter__())
try:
    with contextlib.suppress(KeyError):
        "abc".index("z")
except ValueError as e:
    print(type(e).__name__, e)
