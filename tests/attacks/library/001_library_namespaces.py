# technique: reach a library module's namespace or its imports (sys, os, types, inspect, builtins, exec) through sealed module views, typing.ForwardRef(module=...), get_type_hints on classes claiming a library __module__, dataclass field-name injection, AttributeError.obj and bound methods
# source: original (pyocap)
# goal: IMPORT
CANARY = "/tmp/ocap-canary-PLACEHOLDER"

BAD = ("sys", "os", "types", "inspect", "builtins", "_thread", "time", "importlib", "_io", "gc")


def report(how, what):
    print("ESCAPED:", how, "->", what)


def check(how, value):
    name = getattr(value, "__name__", None)
    if type(value).__name__ == "module":
        report(how, "a module object " + repr(name))
    if callable(value) and name in ("exec", "eval", "compile", "open", "__import__"):
        try:
            if name == "eval" and value("6*7") == 42:
                report(how, "working eval")
            if name == "exec":
                value("x = 1", {})
                report(how, "working exec")
            if name == "compile":
                value("1", "<x>", "eval")
                report(how, "working compile")
        except Exception:
            pass


mods = {}
for m in ("json", "re", "collections", "random", "string", "dataclasses", "typing", "functools",
          "enum", "decimal", "fractions", "datetime", "statistics", "operator", "heapq", "bisect"):
    try:
        mods[m] = __import__(m)
    except ImportError:
        pass
for m, view in mods.items():
    for attr in dir(view) + ["_sys", "_os", "sys", "os", "types", "inspect", "_inst", "__builtins__",
                             "__loader__", "__spec__", "__dict__", "enum", "_compiler", "decoder", "abc"]:
        try:
            check("%s.%s" % (m, attr), getattr(view, attr))
        except Exception:
            pass
    try:
        view.planted = 1
        report("setattr on %s" % m, "module view is writable")
    except Exception:
        pass
typing = mods.get("typing")
if typing is not None:
    for target in BAD + tuple(mods):
        for expr in ("modules", "__builtins__", "exec", "eval", "sys", "os", "inspect", "types"):
            try:
                check("ForwardRef(%r, module=%r)" % (expr, target),
                      typing.ForwardRef(expr, module=target).evaluate())
            except Exception:
                pass
        try:
            C = type("C", (), {"__annotations__": {"a": "sys", "b": "exec"}, "__module__": target})
            for v in typing.get_type_hints(C).values():
                check("get_type_hints with __module__=%r" % target, v)
        except Exception:
            pass
dataclasses = mods.get("dataclasses")
if dataclasses is not None:
    evil = "a=0):\n  print('ESCAPED: dataclass field name ran code', type(__import__('sys')))\n def _x(b"
    for module in ("__main__", "dataclasses", "sys"):
        try:
            C = type("C", (), {"__annotations__": {evil: int}, "__module__": module})
            dataclasses.dataclass(C)
        except Exception:
            pass
try:
    mods["json"].loads(1)
except Exception as e:
    check("exception .obj", getattr(e, "obj", None))
print("contained")
